package dev.settle.gateway.card;

/**
 * A validated card: what may be stored and shown (brand, BIN, last four, expiry, fingerprint), plus
 * the PAN and CVC for the one acquirer call. {@link #toString()} never shows the PAN or CVC, and
 * {@link #stored()} is the only part that goes to the database.
 */
public record Card(StoredCard stored, String pan, String cvc) {

    /** The card as stored and returned by the API: no PAN, no CVC. */
    public record StoredCard(CardBrand brand, String bin, String last4, int expMonth, int expYear, String fingerprint) {
    }

    @Override
    public String toString() {
        return "Card[" + stored + ", pan=****, cvc=***]";
    }
}
