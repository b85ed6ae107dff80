package dev.settle.formats;

import java.util.Objects;

/**
 * One thing wrong with an input file, with the evidence a person needs to find it: the file, the
 * 1-based line (or 0 when not line-based), the XML path for XML formats, the record type, the field,
 * the raw value as found, and a stable code.
 *
 * @param file file name as given to the reader (never null)
 * @param line 1-based physical line number; 0 when the location is an XML path only
 * @param xmlPath for XML formats the element path (e.g. {@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt}); else null
 * @param recordType record type as the format names it ("6 Entry Detail", ":61:", "Ntry"); may be null
 * @param field field name as the format names it; may be null for record-level problems
 * @param rawValue the offending raw text, as read; may be null when something is missing
 * @param message a human sentence; never contains card numbers
 */
public record Violation(
        ViolationCode code,
        String file,
        long line,
        String xmlPath,
        String recordType,
        String field,
        String rawValue,
        String message) {

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** "file:12 [NACHA_BAD_AMOUNT] 6 Entry Detail.amount='00000A1000': amount is not numeric". */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        if (xmlPath != null) {
            b.append(' ').append(xmlPath);
        }
        b.append(" [").append(code.code()).append("] ");
        if (recordType != null) {
            b.append(recordType);
        }
        if (field != null) {
            b.append(recordType != null ? "." : "").append(field);
        }
        if (rawValue != null) {
            b.append("='").append(rawValue).append('\'');
        }
        if (recordType != null || field != null || rawValue != null) {
            b.append(": ");
        }
        return b.append(message).toString();
    }
}
