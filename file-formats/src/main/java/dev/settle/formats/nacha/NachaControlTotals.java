package dev.settle.formats.nacha;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;

/**
 * Totals computed from the records actually read (not copied from the control records), so they
 * can be compared with what the control records claim.
 *
 * @param batchCount batch header records
 * @param entryCount entry detail records
 * @param addendaCount addenda records
 * @param debitTotalMinor sum of debit entry amounts, USD cents
 * @param creditTotalMinor sum of credit entry amounts, USD cents
 * @param entryHash sum of the entries' 8-digit RDFI identifications, rightmost 10 digits
 */
public record NachaControlTotals(
        long batchCount, long entryCount, long addendaCount, long debitTotalMinor, long creditTotalMinor, long entryHash) {

    public Money debitTotal() {
        return Money.ofMinor(debitTotalMinor, CurrencyUnit.USD);
    }

    public Money creditTotal() {
        return Money.ofMinor(creditTotalMinor, CurrencyUnit.USD);
    }

    /** Entries plus addenda, the figure control records carry. */
    public long entryAddendaCount() {
        return entryCount + addendaCount;
    }
}
