package dev.settle.jobs.payout;

/** A refused finance action on payouts (exit code 1 in the CLI); {@link #code()} is stable. */
public final class PayoutException extends RuntimeException {

    public enum Code { UNKNOWN_FILE, UNKNOWN_PAYOUT, WRONG_STATUS, SAME_PERSON, ALREADY_REISSUED }

    private final Code code;

    public PayoutException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
