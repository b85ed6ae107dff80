package dev.settle.formats.nacha;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.util.Optional;

/**
 * Entry Detail Record (type 6), domestic layout. In IAT entries positions 13-16 hold the number of
 * addenda, 40-74 the 35-character account number and 77-78 OFAC indicators; positions 1-12,
 * 30-39 and 79-94 mean the same in both layouts, which is all the validator relies on.
 *
 * @param transactionCode (2-3) e.g. 22 checking credit, 27 checking debit, 32/37 savings
 * @param receivingDfiIdentification (4-11) first 8 digits of the RDFI routing number
 * @param checkDigit (12) ninth routing digit
 * @param dfiAccountNumber (13-29)
 * @param amount (30-39) USD cents, zero-filled
 * @param individualIdentificationNumber (40-54) (CCD: identification number)
 * @param individualName (55-76) (CCD: receiving company name)
 * @param discretionaryData (77-78) (WEB: payment type code)
 * @param addendaRecordIndicator (79) 0 none, 1 one or more addenda follow
 * @param traceNumber (80-94) ODFI 8 digits + 7-digit sequence
 */
public record EntryDetail(
        long line,
        String raw,
        String transactionCode,
        String receivingDfiIdentification,
        String checkDigit,
        String dfiAccountNumber,
        String amount,
        String individualIdentificationNumber,
        String individualName,
        String discretionaryData,
        String addendaRecordIndicator,
        String traceNumber) implements NachaRecord {

    public static final String TYPE_NAME = "6 Entry Detail";

    static EntryDetail parse(long line, String raw) {
        String p = Fields.pad(raw);
        return new EntryDetail(line, raw, Fields.cut(p, 2, 3), Fields.cut(p, 4, 11), Fields.cut(p, 12, 12),
                Fields.cut(p, 13, 29), Fields.cut(p, 30, 39), Fields.cut(p, 40, 54), Fields.cut(p, 55, 76),
                Fields.cut(p, 77, 78), Fields.cut(p, 79, 79), Fields.cut(p, 80, 94));
    }

    /** The 9-digit routing number (4-12). */
    public String routingNumber() {
        return receivingDfiIdentification + checkDigit;
    }

    /** The amount in USD minor units, empty when (30-39) is not all digits. */
    public Optional<Money> amountUsd() {
        long minor = Fields.digitsOrMinusOne(amount);
        return minor < 0 ? Optional.empty() : Optional.of(Money.ofMinor(minor, CurrencyUnit.USD));
    }

    /** The transaction code's direction, empty when the code is unknown. */
    public Optional<TransactionCodes.Direction> direction() {
        return TransactionCodes.direction(transactionCode);
    }

    public boolean hasAddenda() {
        return "1".equals(addendaRecordIndicator);
    }

    @Override
    public String recordTypeName() {
        return TYPE_NAME;
    }

    @Override
    public String toLine() {
        return "6" + transactionCode + receivingDfiIdentification + checkDigit + dfiAccountNumber + amount
                + individualIdentificationNumber + individualName + discretionaryData + addendaRecordIndicator
                + traceNumber;
    }
}
