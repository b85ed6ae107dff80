package dev.settle.formats.camt;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FileInspector;
import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.MoneyException;
import dev.settle.money.MoneyTotals;
import dev.settle.money.Money;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link FileInspector} for camt.053 or camt.054 (one instance per format, chosen by the
 * constructor). Reports counts (statements, entries, transactions, reversals), control totals per
 * currency ("credits EUR", "debits EUR", "net EUR" over booked and unbooked entries alike), the
 * opening (OPBD, else PRCD) and closing (CLBD) balance of every statement, and every violation.
 */
public final class CamtInspector implements FileInspector {

    private final FileFormat format;

    /** @param format {@link FileFormat#CAMT053} or {@link FileFormat#CAMT054} */
    public CamtInspector(FileFormat format) {
        if (format != FileFormat.CAMT053 && format != FileFormat.CAMT054) {
            throw new IllegalArgumentException("CamtInspector serves CAMT053 or CAMT054, not " + format);
        }
        this.format = format;
    }

    @Override
    public FileFormat format() {
        return format;
    }

    @Override
    public boolean looksLike(byte[] head, String fileName) {
        String text = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.UTF_8);
        String marker = format == FileFormat.CAMT053 ? "tech:xsd:camt.053." : "tech:xsd:camt.054.";
        return text.contains(marker);
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String unit = format == FileFormat.CAMT053 ? "statements" : "notifications";
        counts.put(unit, 0L);
        counts.put("entries", 0L);
        counts.put("transactions", 0L);
        counts.put("reversals", 0L);
        MoneyTotals credits = new MoneyTotals();
        MoneyTotals debits = new MoneyTotals();
        Map<String, Money> balances = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        CamtValidator validator = new CamtValidator(fileName);
        try (CamtReader reader = CamtReader.open(in, fileName)) {
            if (reader.message().format() != format) {
                throw new FormatException(new Violation(CamtViolation.CAMT_UNSUPPORTED_MESSAGE, fileName, 0,
                        "/Document", "Document", null, reader.message().id(),
                        "this is " + reader.message().id() + ", not " + format.cliName()));
            }
            try {
                while (reader.hasNext()) {
                    CamtRecord r = reader.next();
                    validator.accept(r);
                    if (r instanceof CamtStatement s) {
                        counts.merge(unit, 1L, Long::sum);
                        addBalance(balances, "opening", s, s.balance("OPBD") != null ? s.balance("OPBD")
                                : s.balance("PRCD"));
                        addBalance(balances, "closing", s, s.balance("CLBD"));
                    } else if (r instanceof CamtEntry e) {
                        counts.merge("entries", 1L, Long::sum);
                        counts.merge("transactions", (long) e.transactions().size(), Long::sum);
                        counts.merge("reversals", e.reversal() ? 1L : 0L, Long::sum);
                        if (e.amount() != null && e.creditDebit() != null) {
                            try {
                                (e.creditDebit() == CreditDebit.CRDT ? credits : debits).add(e.amount());
                            } catch (MoneyException ex) {
                                violations.add(new Violation(CamtViolation.CAMT_AMOUNT_OVERFLOW, fileName,
                                        e.location().line(), e.location().xmlPath(), "Ntry", "Amt",
                                        e.amount().toString(), ex.getMessage()));
                            }
                        }
                    }
                }
            } finally {
                violations.addAll(reader.violations());
            }
        } catch (FormatException e) {
            violations.addAll(validator.violations());
            violations.add(e.violation());
            return new InspectionReport(format, fileName, counts, totals(credits, debits), balances, violations);
        }
        violations.addAll(validator.violations());
        return new InspectionReport(format, fileName, counts, totals(credits, debits), balances, violations);
    }

    private static void addBalance(Map<String, Money> balances, String kind, CamtStatement s, CamtBalance b) {
        if (b != null && b.amount() != null) {
            String account = s.accountIban() != null ? s.accountIban() : s.accountOtherId();
            balances.put(kind + " " + b.typeCode() + " " + b.date() + " " + account + " stmt " + s.index(),
                    b.amount());
        }
    }

    private static Map<String, Money> totals(MoneyTotals credits, MoneyTotals debits) {
        Map<String, Money> totals = new LinkedHashMap<>();
        java.util.Set<CurrencyUnit> currencies = new java.util.TreeSet<>(credits.byCurrency().keySet());
        currencies.addAll(debits.byCurrency().keySet());
        for (CurrencyUnit c : currencies) {
            totals.put("credits " + c, credits.total(c));
            totals.put("debits " + c, debits.total(c));
            try {
                totals.put("net " + c, credits.total(c).minus(debits.total(c)));
            } catch (MoneyException e) {
                // net beyond 64-bit minor units: the overflow is already a violation of the totals
            }
        }
        return totals;
    }
}
