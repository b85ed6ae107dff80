package dev.settle.formats.stripe;

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
 * Inspects a Stripe balance / itemized payout reconciliation report: counts per reporting
 * category, totals "gross CUR", "fee CUR", "net CUR", and every violation.
 */
public final class StripeInspector implements FileInspector {

    @Override
    public FileFormat format() {
        return FileFormat.STRIPE_PAYOUT_RECON;
    }

    /** The first line names balance_transaction_id and reporting_category. */
    @Override
    public boolean looksLike(byte[] head, String fileName) {
        String text = new String(head, StandardCharsets.UTF_8);
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        return first.contains("balance_transaction_id") && first.contains("reporting_category");
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        StripeReportValidator validator = new StripeReportValidator(fileName);
        StripeControlTotals totals = new StripeControlTotals(fileName);
        try (StripeReportReader reader = StripeReportReader.open(in, fileName)) {
            while (reader.hasNext()) {
                StripeRow row = reader.next();
                counts.merge(row.categoryText(), 1L, Long::sum);
                violations.addAll(validator.validate(row));
                totals.add(row);
            }
        }
        violations.addAll(totals.violations());
        Map<String, Money> controlTotals = new LinkedHashMap<>();
        put(controlTotals, "gross ", totals.gross());
        put(controlTotals, "fee ", totals.fee());
        put(controlTotals, "net ", totals.net());
        return new InspectionReport(FileFormat.STRIPE_PAYOUT_RECON, fileName, counts, controlTotals, Map.of(), violations);
    }

    private static void put(Map<String, Money> out, String prefix, MoneyTotals totals) {
        for (Map.Entry<CurrencyUnit, Long> e : totals.byCurrency().entrySet()) {
            out.put(prefix + e.getKey().code(), Money.ofMinor(e.getValue(), e.getKey()));
        }
    }
}
