package dev.settle.readerswriters.inbound;

import java.time.LocalDate;

/**
 * A booked entry of a bank statement (or one transaction detail of a batched entry).
 *
 * @param amountMinor signed: positive credits our account, negative debits it
 * @param reversal the bank marked it as a reversal (camt RvslInd, MT940 RC/RD)
 */
public record BankEntryLine(
        long lineNo,
        int statementNo,
        String account,
        String currency,
        long amountMinor,
        boolean reversal,
        LocalDate bookingDate,
        LocalDate valueDate,
        String endToEndId,
        String bankReference,
        String remittanceInfo,
        String counterparty,
        String typeCode) implements StagedItem {
}
