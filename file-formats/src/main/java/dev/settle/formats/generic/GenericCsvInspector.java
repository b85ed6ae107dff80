package dev.settle.formats.generic;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FileInspector;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import dev.settle.money.MoneyTotals;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inspects a generic mapped CSV file with the mapping it was built with: counts per mapped type
 * (or "records" when no type column is mapped), totals "credits CUR", "debits CUR", "net CUR", and
 * every violation. Detection is only possible when the mapping has a header: the first line must
 * hold every mapped header name.
 */
public final class GenericCsvInspector implements FileInspector {

    private final GenericMapping mapping;

    public GenericCsvInspector(GenericMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public FileFormat format() {
        return FileFormat.GENERIC_CSV;
    }

    @Override
    public boolean looksLike(byte[] head, String fileName) {
        if (!mapping.header()) {
            return false;
        }
        String text = new String(head, mapping.encoding());
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        return mapping.columns().values().stream().allMatch(c -> c.name() == null || first.contains(c.name()));
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        MoneyTotals credits = new MoneyTotals();
        MoneyTotals debits = new MoneyTotals();
        MoneyTotals net = new MoneyTotals();
        boolean typed = mapping.columns().containsKey(GenericMapping.Field.TYPE);
        try (GenericCsvReader reader = new GenericCsvReader(in, mapping, fileName)) {
            while (reader.hasNext()) {
                GenericRecord r = reader.next();
                counts.merge(typed ? r.type() : "records", 1L, Long::sum);
                violations.addAll(r.parseViolations());
                if (r.amount() != null) {
                    try {
                        (r.amount().isNegative() ? debits : credits).add(r.amount());
                        net.add(r.amount());
                    } catch (MoneyException e) {
                        violations.add(new Violation(GenericViolation.GENERIC_TOTAL_OVERFLOW, fileName, r.line(), null,
                                null, null, r.amount().toDecimalString(), e.getMessage()));
                    }
                }
            }
        }
        Map<String, Money> totals = new LinkedHashMap<>();
        put(totals, "credits ", credits);
        put(totals, "debits ", debits);
        put(totals, "net ", net);
        return new InspectionReport(FileFormat.GENERIC_CSV, fileName, counts, totals, Map.of(), violations);
    }

    private static void put(Map<String, Money> out, String prefix, MoneyTotals totals) {
        for (Map.Entry<CurrencyUnit, Long> e : totals.byCurrency().entrySet()) {
            out.put(prefix + e.getKey().code(), Money.ofMinor(e.getValue(), e.getKey()));
        }
    }
}
