package dev.settle.formats.payoutcsv;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FileInspector;
import dev.settle.formats.InspectionReport;
import dev.settle.money.Money;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ./settle files check} for payout CSV files: payout count, totals per currency, violations. */
public final class PayoutCsvInspector implements FileInspector {

    @Override
    public FileFormat format() {
        return FileFormat.PAYOUT_CSV;
    }

    /** The file starts with the exact header row. */
    @Override
    public boolean looksLike(byte[] head, String fileName) {
        String start = new String(head, StandardCharsets.UTF_8);
        return start.startsWith(String.join(",", PayoutCsv.HEADER) + "\n")
                || start.startsWith(String.join(",", PayoutCsv.HEADER) + "\r\n");
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        PayoutCsvValidation v = PayoutCsvValidator.validate(in, fileName);
        Map<String, Money> totals = new LinkedHashMap<>();
        v.totals().byCurrency().forEach((currency, minor) -> totals.put("payouts " + currency.code(),
                Money.ofMinor(minor, currency)));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("payouts", v.payoutCount());
        return new InspectionReport(FileFormat.PAYOUT_CSV, fileName, counts, totals, Map.of(), v.violations());
    }
}
