package dev.settle.app.demo;

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
                SELECT count(*) FILTER (WHERE outcome IN ('MATCHED', 'MATCHED_WITHIN_TOLERANCE')) AS matched, count(*) AS total
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
                SELECT merchant_id, currency, net_minor FROM settlement WHERE business_date = ? ORDER BY merchant_id, currency""",
                day, out, "Settlements", r -> String.format("  %s %s net payable %s", r.get("merchant_id"), r.get("currency"),
                        money(((Number) r.get("net_minor")).longValue(), (String) r.get("currency"))));
        printIfTable("payout_file", """
                SELECT file_name, format, status FROM payout_file WHERE business_date = ? ORDER BY file_name""",
                day, out, "Payout files", r -> String.format("  %s (%s) %s", r.get("file_name"), r.get("format"), r.get("status")));

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

    static String money(long minor, String currency) {
        return CurrencyUnit.find(currency).map(c -> Money.ofMinor(minor, c).toString()).orElse(minor + " " + currency);
    }

    static String percent(long part, long whole) {
        if (whole == 0) {
            return "n/a";
        }
        long basisPoints = part * 10_000 / whole;
        return basisPoints / 100 + "." + String.format("%02d", basisPoints % 100) + " %";
    }
}
