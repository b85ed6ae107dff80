package dev.settle.formats.nacha;

import dev.settle.money.Money;

/**
 * One returned entry or notification of change, joined from an entry detail record and its 99 or
 * 98 addenda.
 *
 * @param line line of the entry detail record
 * @param kind return or notification of change
 * @param code return reason code (R01..) or change code (C01..)
 * @param reasonText NACHA's description of the code, or "unknown code" when NACHA does not define it
 * @param originalTraceNumber (addenda 7-21) trace number of the entry being returned or corrected
 * @param amount entry amount (30-39) in USD; zero for notifications of change
 * @param transactionCode entry transaction code (2-3), e.g. 26 return of a checking debit
 * @param correctedData (addenda 36-64) for notifications of change, trimmed; null for returns
 * @param originalReceivingDfi (addenda 28-35)
 * @param traceNumber trace number (80-94) of the return/NOC entry itself
 * @param standardEntryClassCode SEC code of the batch (WEB, PPD, COR, ...); null outside a batch
 * @param individualName entry (55-76), trimmed
 * @param addendaInformation (addenda 36-79) for returns, trimmed; null for notifications of change
 */
public record ReturnEntry(
        long line,
        Kind kind,
        String code,
        String reasonText,
        String originalTraceNumber,
        Money amount,
        String transactionCode,
        String correctedData,
        String originalReceivingDfi,
        String traceNumber,
        String standardEntryClassCode,
        String individualName,
        String addendaInformation) {

    public enum Kind { RETURN, NOTIFICATION_OF_CHANGE }
}
