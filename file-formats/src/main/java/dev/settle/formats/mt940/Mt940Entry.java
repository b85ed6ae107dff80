package dev.settle.formats.mt940;

import dev.settle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * One statement line {@code :61:} with its {@code :86:} information.
 *
 * <p>:61: layout: value date (6) YYMMDD, entry date (4, optional) MMDD, mark (1-2) C/D/RC/RD,
 * funds code (1, optional, the third letter of the currency), amount (up to 15, ','), transaction
 * type (4: N/F/S + 3 chars, e.g. NTRF), customer reference (16x), "//" bank reference (16x,
 * optional), then on the next line supplementary details (34x, optional).
 *
 * <p>Entry date year rule: the entry date takes the value date's year, moved one year back when the
 * entry month is more than six months after the value month (value 2011-01-02, entry 1231 →
 * 2010-12-31) and one year on when it is more than six months before (value 2010-12-31, entry 0102
 * → 2011-01-02): bookings and value dates are never half a year apart.
 *
 * @param valueDate null when not a calendar date (a violation carries the raw value)
 * @param entryDate null when absent or invalid
 * @param fundsCode null when absent
 * @param amount unsigned; the mark gives the direction; null when malformed or the currency unknown
 * @param information the :86: text as found, lines joined with '\n' (banks differ on whether a line
 *     break is a hard wrap or a word break, so we keep it); several consecutive :86: tags (Rabobank)
 *     are joined the same way; null when there is none
 * @param details structured subfields parsed from {@code information}
 * @param extraTags uninterpreted tags between this :61: and the next one (e.g. :NS:)
 */
public record Mt940Entry(
        LocalDate valueDate,
        LocalDate entryDate,
        Mt940Mark mark,
        Character fundsCode,
        Money amount,
        String transactionType,
        String customerReference,
        String bankReference,
        String supplementaryDetails,
        String information,
        Mt940Details details,
        List<Mt940RawTag> extraTags,
        long line) implements Mt940Item {

    public Mt940Entry {
        extraTags = List.copyOf(extraTags);
    }

    /** The amount signed by its effect on the balance (D and RC negative); null when unknown. */
    public Money signedAmount() {
        if (amount == null || mark == null) {
            return null;
        }
        return mark.balanceSign() < 0 ? amount.negate() : amount;
    }
}
