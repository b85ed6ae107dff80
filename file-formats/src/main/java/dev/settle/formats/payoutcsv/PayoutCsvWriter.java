package dev.settle.formats.payoutcsv;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.MoneyTotals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a payout CSV file row by row (constant memory): the header on construction, one "P" row
 * per {@link #write}, and on {@link #finish()} one "T" trailer per currency (code order) with the
 * payout count and total. Each payout is checked with the same rules the validator applies,
 * before it is written; a bad one raises {@link PayoutCsvWriteException} and writes nothing.
 * Amounts are written with exactly the currency's decimals ("10.50" EUR, "1050" JPY).
 */
public final class PayoutCsvWriter implements AutoCloseable {

    private final CSVPrinter printer;
    private final String fileName;
    private final MoneyTotals totals = new MoneyTotals();
    private final Map<CurrencyUnit, Long> counts = new TreeMap<>();
    private long line = 1;
    private boolean finished;

    public PayoutCsvWriter(Writer out, String fileName) {
        this.fileName = fileName;
        try {
            this.printer = new CSVPrinter(out, PayoutCsv.WRITE_FORMAT);
            printer.printRecord(PayoutCsv.HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(PayoutInstruction p) {
        if (finished) {
            throw new IllegalStateException("file already finished");
        }
        List<Violation> problems = new ArrayList<>();
        if (p.amount() == null || p.executionDate() == null) {
            problems.add(new Violation(PayoutCsvViolation.PAYOUT_CSV_FIELD_REQUIRED, fileName, line + 1, null,
                    "payout", p.amount() == null ? "amount" : "execution_date", null, "required"));
            throw new PayoutCsvWriteException(problems);
        }
        PayoutCsvRecord.PayoutRow row = new PayoutCsvRecord.PayoutRow(line + 1, nz(p.payoutId()), nz(p.merchantId()),
                nz(p.beneficiaryName()), nz(p.account()), nz(p.bic()), p.amount().toDecimalString(),
                p.amount().currency().code(), nz(p.endToEndId()), p.executionDate().toString());
        PayoutCsv.check(row, fileName, problems);
        if (problems.isEmpty()) {
            try {
                new MoneyTotals().add(totals.total(p.amount().currency())).add(p.amount()); // overflow check first
            } catch (dev.settle.money.MoneyException e) {
                problems.add(new Violation(PayoutCsvViolation.PAYOUT_CSV_TOTAL_OVERFLOW, fileName, line + 1, null,
                        "payout", "amount", row.amount(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PayoutCsvWriteException(problems);
        }
        print(PayoutCsv.PAYOUT, row.payoutId(), row.merchantId(), row.beneficiaryName(), row.account(), row.bic(),
                row.amount(), row.currency(), row.endToEndId(), row.executionDate());
        totals.add(p.amount());
        counts.merge(p.amount().currency(), 1L, Long::sum);
    }

    /** Writes the trailer rows and flushes; returns the totals written. */
    public MoneyTotals finish() {
        if (!finished) {
            for (Map.Entry<CurrencyUnit, Long> e : counts.entrySet()) {
                print(PayoutCsv.TRAILER, Long.toString(e.getValue()), totals.total(e.getKey()).toDecimalString(),
                        e.getKey().code());
            }
            finished = true;
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return totals;
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(String... fields) {
        try {
            printer.printRecord((Object[]) fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line++;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
