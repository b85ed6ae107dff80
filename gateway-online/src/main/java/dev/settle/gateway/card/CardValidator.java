package dev.settle.gateway.card;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.GatewayException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Checks card data before anything else sees it: digits only, length for the brand, Luhn check
 * digit, expiry month/year (a card is valid through the last day of its expiry month, judged in
 * UTC−12 so a card is never refused while it is still valid somewhere), CVC length for the brand.
 * Error messages never repeat the number or the CVC. Thread-safe.
 */
public final class CardValidator {

    /** How far ahead an expiry year may lie before it is treated as a typo. */
    static final int EXPIRY_YEARS_AHEAD_MAX = 20;

    private final CardFingerprinter fingerprinter;
    private final Clock clock;

    public CardValidator(CardFingerprinter fingerprinter, Clock clock) {
        this.fingerprinter = fingerprinter;
        this.clock = clock;
    }

    /**
     * @throws GatewayException {@code INVALID_NUMBER}, {@code INVALID_EXPIRY_MONTH},
     *     {@code INVALID_EXPIRY_YEAR}, {@code INVALID_CVC} or {@code EXPIRED_CARD}
     */
    public Card validate(CardInput input) {
        String pan = input.number() == null ? "" : input.number();
        if (!pan.chars().allMatch(c -> c >= '0' && c <= '9') || pan.isEmpty()) {
            throw new GatewayException(ErrorCode.INVALID_NUMBER, "The card number must contain digits only.", "card.number");
        }
        CardBrand brand = CardBrand.of(pan);
        if (pan.length() < brand.lengthMin() || pan.length() > brand.lengthMax()) {
            throw new GatewayException(ErrorCode.INVALID_NUMBER,
                    "The card number has " + pan.length() + " digits; " + brand.wireName() + " numbers have "
                            + brand.lengthMin() + (brand.lengthMin() == brand.lengthMax() ? "" : " to " + brand.lengthMax()) + ".",
                    "card.number");
        }
        if (!luhnValid(pan)) {
            throw new GatewayException(ErrorCode.INVALID_NUMBER, "The card number fails its check digit (Luhn).", "card.number");
        }
        if (input.expMonth() < 1 || input.expMonth() > 12) {
            throw new GatewayException(ErrorCode.INVALID_EXPIRY_MONTH, "exp_month must be 1 to 12.", "card.exp_month");
        }
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.ofHours(-12)));
        if (input.expYear() < 1000 || input.expYear() > now.getYear() + EXPIRY_YEARS_AHEAD_MAX) {
            throw new GatewayException(ErrorCode.INVALID_EXPIRY_YEAR,
                    "exp_year must be a four-digit year no later than " + (now.getYear() + EXPIRY_YEARS_AHEAD_MAX) + ".",
                    "card.exp_year");
        }
        if (YearMonth.of(input.expYear(), input.expMonth()).isBefore(now)) {
            throw new GatewayException(ErrorCode.EXPIRED_CARD, "The card has expired.", "card.exp_year");
        }
        String cvc = input.cvc() == null ? "" : input.cvc();
        int cvcLength = brand == CardBrand.AMEX ? 4 : 3;
        if (cvc.length() != cvcLength || !cvc.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new GatewayException(ErrorCode.INVALID_CVC, "The CVC must be " + cvcLength + " digits for this card.", "card.cvc");
        }
        Card.StoredCard stored = new Card.StoredCard(brand, pan.substring(0, 6), pan.substring(pan.length() - 4),
                input.expMonth(), input.expYear(), fingerprinter.fingerprint(pan));
        return new Card(stored, pan, cvc);
    }

    /** The Luhn (mod 10) check over a digits-only string. */
    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
