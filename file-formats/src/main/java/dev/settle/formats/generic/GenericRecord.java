package dev.settle.formats.generic;

import dev.settle.formats.Violation;
import dev.settle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of a generic mapped CSV file, typed by its {@link GenericMapping}. Unmapped text fields
 * are empty strings; fields that could not be typed are null and explained in
 * {@link #parseViolations()}.
 *
 * @param line 1-based physical line the row starts on
 * @param kind gateway report row or bank statement entry, from the mapping
 * @param reference the mapped reference (transaction id, end-to-end id, …)
 * @param amount signed amount: positive = money in (credit), negative = money out (debit)
 * @param date booking / transaction date
 * @param valueDate value date; null when unmapped or empty
 * @param type the mapped type text
 * @param description the mapped description
 * @param counterparty the mapped counterparty
 * @param batch the mapped batch / payout id
 * @param parseViolations problems found while typing the cells (never null)
 */
public record GenericRecord(
        long line,
        GenericMapping.Kind kind,
        String reference,
        Money amount,
        LocalDate date,
        LocalDate valueDate,
        String type,
        String description,
        String counterparty,
        String batch,
        List<Violation> parseViolations) {

    public GenericRecord {
        parseViolations = List.copyOf(parseViolations);
    }
}
