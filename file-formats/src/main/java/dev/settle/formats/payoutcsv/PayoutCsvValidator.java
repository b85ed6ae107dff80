package dev.settle.formats.payoutcsv;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import dev.settle.money.MoneyTotals;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks payout rows field by field and the trailer rows against the payouts: per currency, the
 * trailer's count and total must equal the payouts read. State is per currency only, so memory
 * does not grow with the number of rows. (Duplicate payout ids are not checked here: that needs
 * memory per row and belongs to the database import.)
 */
public final class PayoutCsvValidator {

    private final String fileName;
    private final List<Violation> violations = new ArrayList<>();
    private final MoneyTotals totals = new MoneyTotals();
    private final Map<CurrencyUnit, Long> counts = new TreeMap<>();
    private final Map<String, PayoutCsvRecord.TrailerRow> trailers = new TreeMap<>();
    private long payouts;
    private boolean totalsTrusted = true;

    public PayoutCsvValidator(String fileName) {
        this.fileName = fileName;
    }

    /** Reads and validates a whole stream; the reader's {@link dev.settle.formats.FormatException} propagates. */
    public static PayoutCsvValidation validate(InputStream in, String fileName) {
        PayoutCsvValidator v = new PayoutCsvValidator(fileName);
        try (PayoutCsvReader reader = new PayoutCsvReader(in, fileName)) {
            reader.forEachRemaining(v::accept);
        }
        List<Violation> found = v.finish();
        return new PayoutCsvValidation(v.payouts, v.totals, found);
    }

    public void accept(PayoutCsvRecord record) {
        if (record instanceof PayoutCsvRecord.PayoutRow row) {
            payouts++;
            if (!trailers.isEmpty()) {
                add(PayoutCsvViolation.PAYOUT_CSV_ROW_AFTER_TRAILER, row.line(), null, null,
                        "payout rows must come before the trailer rows");
            }
            Optional<Money> amount = PayoutCsv.check(row, fileName, violations);
            if (amount.isEmpty()) {
                totalsTrusted = false; // a bad amount makes its currency's trailer comparison meaningless
                return;
            }
            try {
                totals.add(amount.get());
            } catch (MoneyException e) {
                add(PayoutCsvViolation.PAYOUT_CSV_TOTAL_OVERFLOW, row.line(), "amount", row.amount(), e.getMessage());
                totalsTrusted = false;
            }
            counts.merge(amount.get().currency(), 1L, Long::sum);
        } else if (record instanceof PayoutCsvRecord.TrailerRow t) {
            if (trailers.containsKey(t.currency())) {
                add(PayoutCsvViolation.PAYOUT_CSV_DUPLICATE_TRAILER, t.line(), "currency", t.currency(),
                        "second trailer for this currency");
            } else if (trailers.size() < 1000) { // bounded: at most one per ISO currency in a valid file
                trailers.put(t.currency(), t);
            }
        } else if (record instanceof PayoutCsvRecord.BadRow b) {
            String type = b.fields().get(0);
            if (type.equals(PayoutCsv.PAYOUT) || type.equals(PayoutCsv.TRAILER)) {
                add(PayoutCsvViolation.PAYOUT_CSV_FIELD_COUNT, b.line(), null, String.valueOf(b.fields().size()),
                        "a " + type + " row has " + (type.equals(PayoutCsv.PAYOUT) ? PayoutCsv.PAYOUT_FIELDS
                                : PayoutCsv.TRAILER_FIELDS) + " fields");
            } else {
                add(PayoutCsvViolation.PAYOUT_CSV_UNKNOWN_RECORD_TYPE, b.line(), "record_type", type,
                        "expected P (payout) or T (trailer)");
            }
        }
    }

    /** Compares the trailers with the payouts read and returns every violation found. */
    public List<Violation> finish() {
        for (PayoutCsvRecord.TrailerRow t : trailers.values()) {
            List<Violation> trailerProblems = new ArrayList<>();
            PayoutCsv.Rules rules = new PayoutCsv.Rules(fileName, t.line(), trailerProblems);
            Optional<Money> total = PayoutCsv.amount("total", t.totalAmount(), t.currency(), rules);
            violations.addAll(trailerProblems);
            if (total.isEmpty()) {
                continue;
            }
            CurrencyUnit currency = total.get().currency();
            if (!counts.containsKey(currency) && totalsTrusted) {
                add(PayoutCsvViolation.PAYOUT_CSV_MISSING_TRAILER, t.line(), "currency", t.currency(),
                        "trailer for a currency without payouts");
                continue;
            }
            String count = Long.toString(counts.getOrDefault(currency, 0L));
            if (!count.equals(t.payoutCount())) {
                add(PayoutCsvViolation.PAYOUT_CSV_TRAILER_COUNT_MISMATCH, t.line(), "payout count", t.payoutCount(),
                        "the file has " + count + " " + currency + " payouts");
            }
            if (totalsTrusted && !total.get().equals(totals.total(currency))) {
                add(PayoutCsvViolation.PAYOUT_CSV_TRAILER_TOTAL_MISMATCH, t.line(), "total", t.totalAmount(),
                        "the " + currency + " payouts add up to " + totals.total(currency).toDecimalString());
            }
        }
        for (CurrencyUnit c : counts.keySet()) {
            if (!trailers.containsKey(c.code())) {
                add(PayoutCsvViolation.PAYOUT_CSV_MISSING_TRAILER, 0, "currency", c.code(),
                        "no trailer row for the " + c + " payouts");
            }
        }
        return List.copyOf(violations);
    }

    private void add(PayoutCsvViolation code, long line, String field, String raw, String message) {
        violations.add(new Violation(code, fileName, line, null, line == 0 ? null : "row", field, raw, message));
    }
}
