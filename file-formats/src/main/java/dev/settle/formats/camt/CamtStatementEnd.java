package dev.settle.formats.camt;

/**
 * The end of one statement/notification, after its last entry.
 *
 * @param statementIndex 1-based index of the statement
 * @param entryCount number of Ntry read in it
 */
public record CamtStatementEnd(int statementIndex, String statementId, long entryCount, XmlLocation location)
        implements CamtRecord {
}
