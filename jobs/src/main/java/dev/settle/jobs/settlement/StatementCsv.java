package dev.settle.jobs.settlement;

import dev.settle.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Renders a settlement statement as CSV (RFC 4180, "\n" line ends, amounts in major units with the
 * currency's exact decimals). Deterministic: the same lines always give the same bytes. The last
 * row is the total, which equals the payout (or the carried balance when nothing is paid).
 */
public final class StatementCsv {

    public static final String HEADER = "line_no,type,reference,description,date,gross,amount,currency";

    private StatementCsv() {
    }

    public static String render(String settlementId, String merchantId, LocalDate businessDate,
                                List<StatementLine> lines, SettlementResult result) {
        StringBuilder out = new StringBuilder(128 * (lines.size() + 5)); // sized once: no megabyte-sized regrowth copies
        out.append("# settlement ").append(settlementId).append(" merchant ").append(merchantId).append(" date ")
                .append(businessDate).append('\n');
        out.append(HEADER).append('\n');
        int n = 0;
        for (StatementLine l : lines) {
            n++;
            out.append(n).append(',').append(l.type()).append(',').append(quote(l.reference())).append(',')
                    .append(quote(l.description())).append(',').append(l.date() == null ? "" : l.date().toString()).append(',')
                    .append(l.gross() == null ? "" : l.gross().toDecimalString()).append(',')
                    .append(l.amount().toDecimalString()).append(',').append(l.amount().currency().code()).append('\n');
        }
        Money net = result.net();
        row(out, "TOTAL_NET", net);
        row(out, "PAYOUT", result.payout());
        row(out, "CARRIED_FORWARD", result.carriedOut());
        return out.toString();
    }

    /**
     * Hands each stored statement of a date (of one merchant, or all when {@code merchantId} is
     * null) to {@code each} as (settlement id, CSV), in id order, reading them one at a time: the
     * driver holds a whole result in memory, and one big merchant's statement is tens of megabytes
     * at ten million payments a day.
     */
    public static void forEachStored(JdbcTemplate jdbc, LocalDate businessDate, String merchantId,
                                     BiConsumer<String, String> each) {
        for (String id : jdbc.queryForList("""
                SELECT id FROM settlement WHERE business_date = ? AND (?::text IS NULL OR merchant_id = ?) ORDER BY id""",
                String.class, businessDate, merchantId, merchantId)) {
            each.accept(id, jdbc.queryForObject("SELECT statement_csv FROM settlement WHERE id = ?", String.class, id));
        }
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
