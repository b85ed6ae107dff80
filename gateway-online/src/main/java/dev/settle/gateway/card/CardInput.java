package dev.settle.gateway.card;

/**
 * Card data as the merchant sent it. Holds the PAN and CVC, so it lives only for the duration of
 * one request: it is never stored, and {@link #toString()} masks both so it cannot leak through a
 * log line or an exception message.
 */
public record CardInput(String number, int expMonth, int expYear, String cvc) {

    @Override
    public String toString() {
        return "CardInput[number=****, expMonth=" + expMonth + ", expYear=" + expYear + ", cvc=***]";
    }
}
