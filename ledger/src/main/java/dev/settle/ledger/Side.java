package dev.settle.ledger;

/** Debit or credit, stored as 'D' / 'C'. */
public enum Side {
    DEBIT('D'), CREDIT('C');

    private final char code;

    Side(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Side of(char code) {
        return switch (code) {
            case 'D' -> DEBIT;
            case 'C' -> CREDIT;
            default -> throw new IllegalArgumentException("side must be D or C, was '" + code + "'");
        };
    }

    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }
}
