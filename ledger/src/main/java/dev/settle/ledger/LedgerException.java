package dev.settle.ledger;

/** The one error type of the ledger; {@link #code()} is stable. */
public final class LedgerException extends RuntimeException {

    public enum Code {
        /** Fewer than two lines, or Σdebits ≠ Σcredits in some currency. */
        UNBALANCED,
        NON_POSITIVE_AMOUNT,
        CURRENCY_MISMATCH,
        /** The reference was already used by a posting with other lines. */
        REFERENCE_REUSED,
        UNKNOWN_POSTING,
        ALREADY_REVERSED
    }

    private final Code code;

    public LedgerException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
