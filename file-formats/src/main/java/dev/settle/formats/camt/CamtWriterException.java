package dev.settle.formats.camt;

/**
 * A value a {@link Camt053Writer} refuses to write because the target schema would not accept it
 * (too long, wrong pattern, missing) or because the statement does not add up. Thrown before the
 * offending element is written.
 */
public final class CamtWriterException extends IllegalArgumentException {

    private final String field;
    private final String value;

    public CamtWriterException(String field, String value, String message) {
        super(field + "='" + value + "': " + message);
        this.field = field;
        this.value = value;
    }

    /** The element path the value was meant for, e.g. "Ntry/NtryDtls/TxDtls/Refs/EndToEndId". */
    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
