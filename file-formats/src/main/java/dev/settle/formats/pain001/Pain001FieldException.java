package dev.settle.formats.pain001;

/**
 * A value {@link Pain001Writer} refuses before writing anything, because the pain.001 schema (or
 * a control total) would not accept it.
 */
public final class Pain001FieldException extends IllegalArgumentException {

    private final String field;
    private final String value;
    private final int limit;

    public Pain001FieldException(String field, String value, int limit, String message) {
        super(field + "='" + value + "': " + message);
        this.field = field;
        this.value = value;
        this.limit = limit;
    }

    /** Element path, e.g. "PmtInf[1]/CdtTrfTxInf[3]/PmtId/EndToEndId". */
    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    /** The length limit broken (35 for Max35Text...), or 0 when it was a pattern or a rule. */
    public int limit() {
        return limit;
    }
}
