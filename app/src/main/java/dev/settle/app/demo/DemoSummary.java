package dev.settle.app.demo;

import dev.settle.jobs.reconcile.MatchOutcome;
import dev.settle.ledger.Ledger;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What finance wants to see after the night: match rate, exceptions, settlements, payouts, ledger. */
final class DemoSummary {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    DemoSummary(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** @return true when the ledger balances in every currency */
    boolean print(LocalDate day, PrintStream out) {
        out.println();
        out.println("=== Business date " + day + " ===");
        out.println("Payments taken through the API today (count by status; net captured by currency):");
        jdbc.query("""
                SELECT status, string_agg(currency || ' ' || n, ', ' ORDER BY currency) AS counts
                  FROM (SELECT status, currency, count(*) AS n FROM payment WHERE created_at::date = ? GROUP BY 1, 2) x
                 GROUP BY status ORDER BY status""",
                rs -> {
                    out.printf("  %-20s %s%n", rs.getString("status"), rs.getString("counts"));
                }, day);
        out.print("  net captured:       ");
        out.println(String.join(", ", jdbc.query("""
                SELECT currency, sum(amount_captured_minor - amount_refunded_minor)::bigint AS net
                  FROM payment WHERE created_at::date = ? GROUP BY currency ORDER BY currency""",
                (rs, n) -> money(rs.getLong("net"), rs.getString("currency")), day)));

        Map<String, Object> rate = jdbc.queryForMap("""
                SELECT count(*) FILTER (WHERE outcome IN """ + MatchOutcome.FINAL_SQL_LIST + """
                ) AS matched, count(*) AS total
                  FROM recon_result WHERE result_date = ? AND leg = 1""", day);
        long matched = ((Number) rate.get("matched")).longValue();
        long total = ((Number) rate.get("total")).longValue();
        out.printf("Reconciliation (leg 1, our transactions vs the gateway report): %d of %d matched (%s)%n", matched, total,
                percent(matched, total));
        out.println("  " + jdbc.queryForList("SELECT summary FROM recon_run WHERE business_date = ? ORDER BY id DESC LIMIT 1",
                String.class, day).stream().findFirst().orElse("(no run)"));

        out.println("Open exceptions by type:");
        List<Map<String, Object>> open = jdbc.queryForList("""
                SELECT type, currency, count(*) AS n, coalesce(sum(abs(amount_minor)), 0)::bigint AS amount
                  FROM recon_exception WHERE status = 'OPEN' GROUP BY type, currency ORDER BY type, currency""");
        if (open.isEmpty()) {
            out.println("  none");
        }
        for (Map<String, Object> e : open) {
            out.printf("  %-24s %3d  %s%n", e.get("type"), ((Number) e.get("n")).longValue(),
                    money(((Number) e.get("amount")).longValue(), (String) e.get("currency")));
        }
        List<Map<String, Object>> cleared = jdbc.queryForList("""
                SELECT type, reference, resolution FROM recon_exception
                 WHERE resolution_kind = 'MATCHED_LATER' AND resolved_at::date >= ? ORDER BY id""", day);
        for (Map<String, Object> c : cleared) {
            out.printf("  cleared by a late line: %s %s (%s)%n", c.get("type"), c.get("reference"), c.get("resolution"));
        }

        printIfTable("settlement", """
                SELECT merchant_id, currency, transaction_count, gross_captures_minor, refunds_minor, disputes_minor, fees_minor,
                       reserve_held_minor - reserve_released_minor AS reserve_minor, carried_in_minor, net_minor, payout_minor, status
                  FROM settlement WHERE business_date = ? ORDER BY currency, merchant_id""",
                day, out, "Settlements (per merchant and currency)", r -> {
                    String c = (String) r.get("currency");
                    return String.format("  %s %s: %d txns, gross %s, refunds %s, disputes %s, fees %s, reserve %s, brought forward %s"
                                    + " -> net %s, payout %s (%s)", r.get("merchant_id"), c, ((Number) r.get("transaction_count")).longValue(),
                            m(r, "gross_captures_minor", c), m(r, "refunds_minor", c), m(r, "disputes_minor", c), m(r, "fees_minor", c),
                            m(r, "reserve_minor", c), m(r, "carried_in_minor", c), m(r, "net_minor", c), m(r, "payout_minor", c), r.get("status"));
                });
        printIfTable("payout_file", """
                SELECT file_name, format, status, payout_count, control_totals, remote_path FROM payout_file
                 WHERE business_date = ? ORDER BY file_name""",
                day, out, "Payout files (bank SFTP outbox)", r -> String.format("  %s  %s, %s payout(s), %s, %s -> %s", r.get("file_name"),
                        r.get("format"), r.get("payout_count"), r.get("control_totals"), r.get("status"), r.get("remote_path")));

        List<CurrencyUnit> unbalanced = new Ledger(dataSource, Clock.systemUTC()).unbalancedCurrencies();
        out.println("Ledger: " + (unbalanced.isEmpty()
                ? "balanced (Σdebits = Σcredits in every currency, " + jdbc.queryForObject("SELECT count(*) FROM ledger_posting", Long.class)
                        + " postings)" : "UNBALANCED in " + unbalanced));
        return unbalanced.isEmpty();
    }

    private void printIfTable(String table, String sql, LocalDate day, PrintStream out, String title,
                              java.util.function.Function<Map<String, Object>, String> line) {
        Boolean exists = jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table);
        if (!Boolean.TRUE.equals(exists)) {
            return;
        }
        try {
            List<Map<String, Object>> rows = jdbc.queryForList(sql, day);
            out.println(title + ":" + (rows.isEmpty() ? " none" : ""));
            rows.forEach(r -> out.println(line.apply(r)));
        } catch (RuntimeException e) {
            out.println(title + ": (not available: " + e.getMessage() + ")");
        }
    }

    private static String m(Map<String, Object> row, String column, String currency) {
        return money(((Number) row.get(column)).longValue(), currency);
    }

    static String money(long minor, String currency) {
        return CurrencyUnit.find(currency).map(c -> Money.ofMinor(minor, c).toString()).orElse(minor + " " + currency);
    }

    /**
     * {@code part} of {@code whole} as a percentage with two decimals, rounded down so that a rate
     * is never overstated: 26 of 29 (89.655…) is "89.65 %", and 99,999 of 100,000 is "99.99 %",
     * never "100.00 %" while something is still unmatched.
     */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return "n/a";
        }
        long basisPoints = part * 10_000 / whole;
        return basisPoints / 100 + "." + String.format("%02d", basisPoints % 100) + " %";
    }
}
