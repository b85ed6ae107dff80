package dev.settle.formats.mt940;

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
 * {@link FileInspector} for MT940: counts statements, entries and reversals, totals credits and
 * debits per currency (by effect on the balance: C and RD are credits, D and RC debits), and reports
 * the opening and closing balance of every statement as
 * {@code "#<n> opening <date> <account>"} / {@code "#<n> closing <date> <account>"} (signed: a debit
 * balance is negative). Balances in a currency Settle does not know (e.g. DEM) are left out; their
 * violation says why.
 */
public final class Mt940Inspector implements FileInspector {

    @Override
    public FileFormat format() {
        return FileFormat.MT940;
    }

    @Override
    public boolean looksLike(byte[] head, String fileName) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.contains(":20:") && (text.contains(":25:") || text.contains(":60F:") || text.contains(":28C:"));
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        Mt940Reader reader = new Mt940Reader(in, fileName);
        Mt940Validator validator = new Mt940Validator(fileName);
        long statements = 0;
        long entries = 0;
        long reversals = 0;
        MoneyTotals credits = new MoneyTotals();
        MoneyTotals debits = new MoneyTotals();
        Map<String, Money> balances = new LinkedHashMap<>();
        Mt940StatementHeader header = null;
        while (reader.hasNext()) {
            Mt940Item item = reader.next();
            validator.accept(item);
            if (item instanceof Mt940StatementHeader h) {
                statements++;
                header = h;
                put(balances, "#" + statements + " opening", h.openingBalance(), h.accountId());
            } else if (item instanceof Mt940Entry e) {
                entries++;
                if (e.mark() != null && e.mark().isReversal()) {
                    reversals++;
                }
                if (e.amount() != null && e.mark() != null) {
                    (e.mark().balanceSign() > 0 ? credits : debits).add(e.amount());
                }
            } else {
                Mt940StatementTrailer t = (Mt940StatementTrailer) item;
                put(balances, "#" + statements + " closing", t.closingBalance(), header == null ? null : header.accountId());
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("statements", statements);
        counts.put("entries", entries);
        counts.put("reversals", reversals);
        Map<String, Money> totals = new LinkedHashMap<>();
        for (Map.Entry<CurrencyUnit, Long> c : credits.byCurrency().entrySet()) {
            totals.put("credits " + c.getKey(), Money.ofMinor(c.getValue(), c.getKey()));
        }
        for (Map.Entry<CurrencyUnit, Long> d : debits.byCurrency().entrySet()) {
            totals.put("debits " + d.getKey(), Money.ofMinor(d.getValue(), d.getKey()));
        }
        List<Violation> violations = new ArrayList<>(reader.violations());
        violations.addAll(validator.violations());
        return new InspectionReport(FileFormat.MT940, fileName, counts, totals, balances, violations);
    }

    private static void put(Map<String, Money> balances, String prefix, Mt940Balance b, String account) {
        if (b != null && b.signedAmount() != null) {
            balances.put(prefix + " " + b.date() + " " + account, b.signedAmount());
        }
    }
}
