package dev.settle.formats.adyen;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FileInspector;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyTotals;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inspects an Adyen Settlement Details Report: counts per record type (as written), control totals
 * "gross CUR", "net CUR" and "batch N net CUR", and every violation (parse, validation, payout check).
 */
public final class AdyenInspector implements FileInspector {

    @Override
    public FileFormat format() {
        return FileFormat.ADYEN_SDR;
    }

    /**
     * The first line names the Psp Reference column and the Batch Number or Net Currency column:
     * one of the two may be missing so that such a report is still recognised and its inspection
     * reports ADYEN_MISSING_COLUMN, instead of "format unknown".
     */
    @Override
    public boolean looksLike(byte[] head, String fileName) {
        String text = new String(head, StandardCharsets.UTF_8);
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        return first.contains("Psp Reference") && (first.contains("Batch Number") || first.contains("Net Currency"));
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        AdyenSdrValidator validator = new AdyenSdrValidator(fileName);
        AdyenControlTotals totals = new AdyenControlTotals(fileName);
        try (AdyenSdrReader reader = AdyenSdrReader.open(in, fileName)) {
            while (reader.hasNext()) {
                SdrLine row = reader.next();
                counts.merge(row.typeText(), 1L, Long::sum);
                violations.addAll(validator.validate(row));
                totals.add(row);
            }
        }
        violations.addAll(totals.violations());
        Map<String, Money> controlTotals = new LinkedHashMap<>();
        put(controlTotals, "gross ", totals.grossTotals());
        put(controlTotals, "net ", totals.netTotals());
        for (Map.Entry<Integer, MoneyTotals> batch : totals.netByBatch().entrySet()) {
            put(controlTotals, "batch " + batch.getKey() + " net ", batch.getValue());
        }
        return new InspectionReport(FileFormat.ADYEN_SDR, fileName, counts, controlTotals, Map.of(), violations);
    }

    private static void put(Map<String, Money> out, String prefix, MoneyTotals totals) {
        for (Map.Entry<CurrencyUnit, Long> e : totals.byCurrency().entrySet()) {
            out.put(prefix + e.getKey().code(), Money.ofMinor(e.getValue(), e.getKey()));
        }
    }
}
