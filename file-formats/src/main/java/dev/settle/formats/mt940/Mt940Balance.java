package dev.settle.formats.mt940;

import dev.settle.money.Money;
import java.time.LocalDate;

/**
 * A balance field: {@code :60F:/:60M:} opening, {@code :62F:/:62M:} closing, {@code :64:} closing
 * available, {@code :65:} forward available. Layout: mark (1) C/D, date (6) YYMMDD, currency (3),
 * amount (up to 15, ',' decimal separator).
 *
 * @param tag the tag as found, e.g. "60F"
 * @param date null when the file's date is not a calendar date (a violation says so)
 * @param currencyCode the three letters as found
 * @param amount unsigned amount; null when the currency is unknown or the amount malformed
 * @param line 1-based physical line of the tag
 */
public record Mt940Balance(String tag, Mt940Mark mark, LocalDate date, String currencyCode, Money amount, long line) {

    /** The amount signed by its mark (debit balance negative); null when the amount is unknown. */
    public Money signedAmount() {
        if (amount == null || mark == null) {
            return null;
        }
        return mark.balanceSign() < 0 ? amount.negate() : amount;
    }

    public boolean isFinal() {
        return tag.endsWith("F");
    }
}
