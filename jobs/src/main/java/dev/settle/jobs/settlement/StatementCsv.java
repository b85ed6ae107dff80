package dev.settle.jobs.settlement;

import dev.settle.money.Money;
import java.util.List;

/**
 * Renders a settlement statement as CSV (RFC 4180, "\n" line ends, amounts in major units with the
 * currency's exact decimals). Deterministic: the same lines always give the same bytes. The last
 * row is the total, which equals the payout (or the carried balance when nothing is paid).
 */
public final class StatementCsv {

    public static final String HEADER = "line_no,type,reference,description,date,gross,amount,currency";

    private StatementCsv() {
    }

    public static String render(String settlementId, String merchantId, java.time.LocalDate businessDate,
                                List<StatementLine> lines, SettlementResult result) {
        StringBuilder out = new StringBuilder(128 * (lines.size() + 5)); // sized once: no megabyte-sized regrowth copies
        out.append("# settlement ").append(settlementId).append(" merchant ").append(merchantId).append(" date ")
                .append(businessDate).append('\n');
        out.append(HEADER).append('\n');
        int n = 0;
        java.time.LocalDate lastDate = null;
        String lastDateText = ""; // most lines share a date or two
        for (StatementLine l : lines) {
            n++;
            if (l.date() == null) {
                lastDate = null;
                lastDateText = "";
            } else if (!l.date().equals(lastDate)) {
                lastDate = l.date();
                lastDateText = lastDate.toString();
            }
            out.append(n).append(',').append(l.type()).append(',').append(quote(l.reference())).append(',')
                    .append(quote(l.description())).append(',').append(lastDateText).append(',')
                    .append(l.gross() == null ? "" : l.gross().toDecimalString()).append(',')
                    .append(l.amount().toDecimalString()).append(',').append(l.amount().currency().code()).append('\n');
        }
        Money net = result.net();
        row(out, "TOTAL_NET", net);
        row(out, "PAYOUT", result.payout());
        row(out, "CARRIED_FORWARD", result.carriedOut());
        return out.toString();
    }

    private static void row(StringBuilder out, String what, Money m) {
        out.append(',').append(what).append(",,,,,").append(m.toDecimalString()).append(',').append(m.currency().code()).append('\n');
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
