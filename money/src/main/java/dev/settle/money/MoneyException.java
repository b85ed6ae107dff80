package dev.settle.money;

/**
 * The one error type of the money module. {@link #code()} is stable and safe to show to users and to
 * map to API errors; the message names the offending value.
 */
public final class MoneyException extends RuntimeException {

    /** Stable error codes, in no particular order. */
    public enum Code {
        UNKNOWN_CURRENCY,
        CURRENCY_MISMATCH,
        MALFORMED_AMOUNT,
        SCALE_EXCEEDS_CURRENCY,
        OVERFLOW,
        INVALID_ALLOCATION
    }

    private final Code code;

    public MoneyException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
