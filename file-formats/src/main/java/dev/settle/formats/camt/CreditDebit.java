package dev.settle.formats.camt;

import java.util.Optional;

/** ISO 20022 CreditDebitCode: the direction of a booking or the sign of a balance. */
public enum CreditDebit {
    CRDT,
    DBIT;

    public static Optional<CreditDebit> parse(String raw) {
        if ("CRDT".equals(raw)) {
            return Optional.of(CRDT);
        }
        if ("DBIT".equals(raw)) {
            return Optional.of(DBIT);
        }
        return Optional.empty();
    }

    /** +1 for credits, -1 for debits. */
    public int sign() {
        return this == CRDT ? 1 : -1;
    }
}
