package dev.settle.formats.pain002;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FileInspector;
import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import dev.settle.money.MoneyTotals;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link FileInspector} for pain.002 status reports: counts of payment infos, transactions and of
 * transactions per status ("status RJCT"), the rejected amount per currency where the bank quotes
 * the original amount ("rejected EUR"), no balances, and every violation.
 */
public final class Pain002Inspector implements FileInspector {

    @Override
    public FileFormat format() {
        return FileFormat.PAIN002;
    }

    @Override
    public boolean looksLike(byte[] head, String fileName) {
        return new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8).contains("tech:xsd:pain.002.");
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("payment infos", 0L);
        counts.put("transactions", 0L);
        MoneyTotals rejected = new MoneyTotals();
        List<Violation> violations = new ArrayList<>();
        Pain002Validator validator = new Pain002Validator(fileName);
        try (Pain002Reader reader = Pain002Reader.open(in, fileName)) {
            try {
                while (reader.hasNext()) {
                    Pain002Record r = reader.next();
                    validator.accept(r);
                    if (r instanceof Pain002PaymentInfoStatus) {
                        counts.merge("payment infos", 1L, Long::sum);
                    } else if (r instanceof Pain002TransactionStatus t) {
                        counts.merge("transactions", 1L, Long::sum);
                        counts.merge("status " + t.status(), 1L, Long::sum);
                        if (t.rejected() && t.originalAmount() != null) {
                            try {
                                rejected.add(t.originalAmount());
                            } catch (MoneyException e) {
                                violations.add(new Violation(Pain002Violation.PAIN002_BAD_AMOUNT, fileName,
                                        t.location().line(), t.location().xmlPath(), "TxInfAndSts", "OrgnlTxRef",
                                        t.originalAmount().toString(), e.getMessage()));
                            }
                        }
                    }
                }
            } finally {
                violations.addAll(0, reader.violations());
            }
            validator.finish();
            violations.addAll(validator.violations());
        } catch (FormatException e) {
            violations.addAll(validator.violations());
            violations.add(e.violation());
        }
        Map<String, Money> totals = new LinkedHashMap<>();
        for (CurrencyUnit c : rejected.byCurrency().keySet()) {
            totals.put("rejected " + c, rejected.total(c));
        }
        return new InspectionReport(FileFormat.PAIN002, fileName, counts, totals, Map.of(), violations);
    }
}
