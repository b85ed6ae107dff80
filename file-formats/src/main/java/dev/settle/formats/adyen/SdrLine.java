package dev.settle.formats.adyen;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One data row of an Adyen Settlement Details Report, typed.
 *
 * <p>Parsing is lenient: a cell that cannot be typed leaves its component null (or 0 for
 * {@code batchNumber}) and adds a violation to {@link #parseViolations()}; the row is still
 * returned so validation can report every problem of the file.
 *
 * @param line 1-based physical line the row starts on
 * @param companyAccount "Company Account"
 * @param merchantAccount "Merchant Account"
 * @param pspReference "Psp Reference" (Adyen's 16-character payment id); empty on bulk/fee/payout rows
 * @param merchantReference "Merchant Reference"
 * @param paymentMethod "Payment Method" (e.g. "visa"); empty when absent
 * @param paymentMethodVariant "Payment Method Variant" (e.g. "visacorporate"); empty when absent
 * @param creationDate "Creation Date" read in the row's TimeZone; null when unreadable
 * @param timeZone the TimeZone cell as written ("CET", "Europe/Amsterdam"); see {@link AdyenTimeZones}
 * @param type the record type; {@link SdrRecordType#UNKNOWN} for text not in the documented list
 * @param typeText the Type cell as written
 * @param modificationReference "Modification Reference"
 * @param modificationMerchantReference "Modification Merchant Reference"; empty when absent
 * @param grossCurrency "Gross Currency"; null when the row has no gross side
 * @param gross gross amount, signed: Gross Credit (GC) − Gross Debit (GC); null when the row has no gross side
 * @param exchangeRate "Exchange Rate" gross→net; null when empty
 * @param netCurrency "Net Currency"; null when the row has no net side
 * @param net net amount, signed: Net Credit (NC) − Net Debit (NC); null when the row has no net side
 * @param commission "Commission (NC)", as written (a cost shown positive); zero when empty
 * @param markup "Markup (NC)"; zero when empty or absent
 * @param schemeFees "Scheme Fees (NC)"; zero when empty or absent
 * @param interchange "Interchange (NC)"; zero when empty or absent
 * @param batchNumber "Batch Number" (the settlement batch); 0 when unreadable
 * @param bookingDate "Booking Date" (newer layouts) read in "Booking Date TimeZone"; null when absent
 * @param bookingDateTimeZone "Booking Date TimeZone" as written; empty when absent
 * @param parseViolations problems found while typing the cells (never null)
 */
public record SdrLine(
        long line,
        String companyAccount,
        String merchantAccount,
        String pspReference,
        String merchantReference,
        String paymentMethod,
        String paymentMethodVariant,
        Instant creationDate,
        String timeZone,
        SdrRecordType type,
        String typeText,
        String modificationReference,
        String modificationMerchantReference,
        CurrencyUnit grossCurrency,
        Money gross,
        BigDecimal exchangeRate,
        CurrencyUnit netCurrency,
        Money net,
        Money commission,
        Money markup,
        Money schemeFees,
        Money interchange,
        int batchNumber,
        Instant bookingDate,
        String bookingDateTimeZone,
        List<Violation> parseViolations) {

    public SdrLine {
        parseViolations = List.copyOf(parseViolations);
    }

    /** The same row without its parse violations and with another line number (for comparing round trips). */
    public SdrLine withLine(long newLine) {
        return new SdrLine(newLine, companyAccount, merchantAccount, pspReference, merchantReference, paymentMethod,
                paymentMethodVariant, creationDate, timeZone, type, typeText, modificationReference,
                modificationMerchantReference, grossCurrency, gross, exchangeRate, netCurrency, net, commission, markup,
                schemeFees, interchange, batchNumber, bookingDate, bookingDateTimeZone, List.of());
    }
}
