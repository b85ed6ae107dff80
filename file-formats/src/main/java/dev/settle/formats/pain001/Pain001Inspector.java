package dev.settle.formats.pain001;

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
 * {@link FileInspector} for pain.001: counts of payment infos and transfers, the total instructed
 * per currency ("instructed EUR"; the file's own CtrlSum mixes currencies, so it is checked by
 * {@link Pain001Validator}, not reported as money), no balances, and every violation.
 */
public final class Pain001Inspector implements FileInspector {

    @Override
    public FileFormat format() {
        return FileFormat.PAIN001;
    }

    @Override
    public boolean looksLike(byte[] head, String fileName) {
        return new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8).contains("tech:xsd:pain.001.");
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("payment infos", 0L);
        counts.put("transfers", 0L);
        MoneyTotals instructed = new MoneyTotals();
        List<Violation> violations = new ArrayList<>();
        Pain001Validator validator = new Pain001Validator(fileName);
        try (Pain001Reader reader = Pain001Reader.open(in, fileName)) {
            try {
                while (reader.hasNext()) {
                    Pain001Record r = reader.next();
                    validator.accept(r);
                    if (r instanceof Pain001PaymentInfo) {
                        counts.merge("payment infos", 1L, Long::sum);
                    } else if (r instanceof Pain001CreditTransfer t) {
                        counts.merge("transfers", 1L, Long::sum);
                        if (t.amount() != null) {
                            try {
                                instructed.add(t.amount());
                            } catch (MoneyException e) {
                                violations.add(new Violation(Pain001Violation.PAIN001_AMOUNT_OVERFLOW, fileName,
                                        t.location().line(), t.location().xmlPath(), "CdtTrfTxInf", "Amt",
                                        t.amount().toString(), e.getMessage()));
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
        for (CurrencyUnit c : instructed.byCurrency().keySet()) {
            totals.put("instructed " + c, instructed.total(c));
        }
        return new InspectionReport(FileFormat.PAIN001, fileName, counts, totals, Map.of(), violations);
    }
}
