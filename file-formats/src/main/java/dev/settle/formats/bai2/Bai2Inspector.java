package dev.settle.formats.bai2;

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
 * {@link FileInspector} for BAI2: counts logical records per type (and 88 continuations), totals
 * 16 details per currency by type-code range (credits 100–399, debits 400–699; loan and custom
 * codes are counted but not totalled), and reports each account's ledger balances from its 03
 * summary: {@code "#<n> 010 opening ledger <account>"} and {@code "#<n> 015 closing ledger <account>"}.
 * Control totals and record counts of 49/98/99 are checked by {@link Bai2Validator}.
 */
public final class Bai2Inspector implements FileInspector {

    private static final Map<String, String> NAMES = Map.of("01", "01 file header", "02", "02 group header",
            "03", "03 account", "16", "16 transaction detail", "49", "49 account trailer", "98", "98 group trailer",
            "99", "99 file trailer");

    private static final java.util.regex.Pattern GROUP_HEADER_START = java.util.regex.Pattern.compile("[\\n/][ \\t]*02,");

    @Override
    public FileFormat format() {
        return FileFormat.BAI2;
    }

    @Override
    public boolean looksLike(byte[] head, String fileName) {
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("\uFEFF") || text.startsWith("ï»¿")) {
            text = text.substring(text.startsWith("\uFEFF") ? 1 : 3);
        }
        // A group header follows the file header on the next line or, in multi-record lines, after
        // the "/" terminator and any padding (moov-io's sample3 pads with three spaces).
        return text.startsWith("01,") && (GROUP_HEADER_START.matcher(text).find() || text.length() < 200);
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        Bai2Reader reader = new Bai2Reader(in, fileName);
        Bai2Validator validator = new Bai2Validator(fileName);
        Map<String, Long> counts = new LinkedHashMap<>();
        MoneyTotals credits = new MoneyTotals();
        MoneyTotals debits = new MoneyTotals();
        Map<String, Money> balances = new LinkedHashMap<>();
        long accounts = 0;
        long continuations = 0;
        while (reader.hasNext()) {
            Bai2Record r = reader.next();
            validator.accept(r);
            counts.merge(NAMES.get(r.recordCode()), 1L, Long::sum);
            continuations += r.physicalRecords() - 1;
            if (r instanceof Bai2AccountIdentifier a) {
                accounts++;
                for (Bai2Summary s : a.summaries()) {
                    if (s.amount() != null && (s.typeCode().equals("010") || s.typeCode().equals("015"))) {
                        balances.put("#" + accounts + " " + s.typeCode()
                                + (s.typeCode().equals("010") ? " opening ledger " : " closing ledger ")
                                + a.accountNumber(), s.amount());
                    }
                }
            } else if (r instanceof Bai2TransactionDetail d && d.amount() != null) {
                switch (d.direction()) {
                    case CREDIT -> credits.add(d.amount());
                    case DEBIT -> debits.add(d.amount());
                    default -> { }
                }
            }
        }
        validator.finish();
        counts.put("88 continuation", continuations);
        Map<String, Money> totals = new LinkedHashMap<>();
        for (Map.Entry<CurrencyUnit, Long> c : credits.byCurrency().entrySet()) {
            totals.put("credits " + c.getKey(), Money.ofMinor(c.getValue(), c.getKey()));
        }
        for (Map.Entry<CurrencyUnit, Long> d : debits.byCurrency().entrySet()) {
            totals.put("debits " + d.getKey(), Money.ofMinor(d.getValue(), d.getKey()));
        }
        List<Violation> violations = new ArrayList<>(reader.violations());
        violations.addAll(validator.violations());
        return new InspectionReport(FileFormat.BAI2, fileName, counts, totals, balances, violations);
    }
}
