package dev.settle.formats.camt;

/**
 * Where a record or field was found in an XML file.
 *
 * @param line 1-based line of the element's start tag, as the StAX parser reports it (0 when unknown)
 * @param xmlPath element path with 1-based indices on repeatable elements,
 *     e.g. {@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt}
 */
public record XmlLocation(long line, String xmlPath) {

    /** A location for records built in memory (writers, tests): no line, no path. */
    public static final XmlLocation NONE = new XmlLocation(0, null);
}
