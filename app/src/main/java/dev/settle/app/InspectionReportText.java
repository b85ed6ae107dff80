package dev.settle.app;

import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.money.Money;
import java.util.Map;

/**
 * The text layout of {@code ./settle files check} for finance readers: a summary, then aligned
 * columns of counts, control totals and balances (money as "10.50 EUR", never floating point),
 * then every violation with its evidence on its own lines.
 */
final class InspectionReportText {

    private InspectionReportText() {
    }

    static String render(InspectionReport report, boolean detected) {
        StringBuilder b = new StringBuilder();
        b.append("File:    ").append(report.file()).append('\n');
        b.append("Format:  ").append(report.format().cliName()).append(detected ? " (detected)" : " (as given)").append('\n');
        int count = report.violations().size();
        b.append("Result:  ").append(report.valid() ? "VALID" : "INVALID").append(", ")
                .append(count).append(count == 1 ? " violation" : " violations").append('\n');
        counts(b, report.recordCounts());
        money(b, "Control totals", report.controlTotals());
        money(b, "Balances", report.balances());
        violations(b, report);
        return b.toString();
    }

    private static void counts(StringBuilder b, Map<String, Long> counts) {
        b.append("\nRecord counts\n");
        if (counts.isEmpty()) {
            b.append("  (none)\n");
            return;
        }
        int labelWidth = labelWidth(counts);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            b.append(String.format("  %-" + labelWidth + "s  %15d%n", e.getKey(), e.getValue()));
        }
    }

    private static void money(StringBuilder b, String title, Map<String, Money> amounts) {
        b.append('\n').append(title).append('\n');
        if (amounts.isEmpty()) {
            b.append("  (none)\n");
            return;
        }
        int labelWidth = labelWidth(amounts);
        for (Map.Entry<String, Money> e : amounts.entrySet()) {
            Money m = e.getValue();
            b.append(String.format("  %-" + labelWidth + "s  %22s %s%n", e.getKey(), m.toDecimalString(), m.currency().code()));
        }
    }

    private static void violations(StringBuilder b, InspectionReport report) {
        b.append("\nViolations\n");
        if (report.violations().isEmpty()) {
            b.append("  (none)\n");
            return;
        }
        for (Violation v : report.violations()) {
            b.append("  ").append(v.file());
            if (v.line() > 0) {
                b.append(':').append(v.line());
            }
            if (v.xmlPath() != null) {
                b.append(' ').append(v.xmlPath());
            }
            b.append("  ").append(v.code().code()).append(v.code().fatal() ? " (fatal)" : "").append('\n');
            b.append("      record ").append(orDash(v.recordType()))
                    .append(", field ").append(orDash(v.field()))
                    .append(", value ").append(v.rawValue() == null ? "-" : "'" + printable(v.rawValue()) + "'").append('\n');
            b.append("      ").append(printable(v.message())).append('\n');
        }
    }

    private static int labelWidth(Map<String, ?> entries) {
        return entries.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    private static String orDash(String s) {
        return s == null ? "-" : printable(s);
    }

    /** A raw value can hold control characters (a binary file, a stray CR): show them, do not send them to the terminal. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
