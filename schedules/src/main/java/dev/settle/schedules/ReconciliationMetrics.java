package dev.settle.schedules;

import dev.settle.jobs.reconcile.MatchOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation and payout KPIs as gauges, refreshed from the database every minute and after
 * each pipeline run:
 * <ul>
 *   <li>{@code settle_recon_match_rate_ppm{date}}: leg-1 items matched (incl. within tolerance) per
 *       million items, for the latest reconciled date (parts per million keeps it an integer)</li>
 *   <li>{@code settle_recon_exceptions_open{type,age}}: open exceptions by type and age bucket
 *       (0-1d, 2-7d, 8-30d, &gt;30d, counted from first seen to today)</li>
 *   <li>{@code settle_recon_unmatched_amount_minor{currency}}: absolute amount of open exceptions, in
 *       minor units of the currency</li>
 *   <li>{@code settle_payout_files{status}}: payout files by status, once the payout job's table
 *       {@code payout_file} exists (no rows until then)</li>
 *   <li>{@code settle_payouts{status,currency}} and {@code settle_payouts_amount_minor{status,currency}}:
 *       payouts, once the table {@code payout} exists</li>
 * </ul>
 */
final class ReconciliationMetrics implements MeterBinder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationMetrics.class);

    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "settle-kpi");
        t.setDaemon(true);
        return t;
    });
    private MultiGauge matchRate;
    private MultiGauge openExceptions;
    private MultiGauge unmatchedAmount;
    private MultiGauge payoutFiles;
    private MultiGauge payouts;
    private MultiGauge payoutAmounts;

    ReconciliationMetrics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        matchRate = MultiGauge.builder("settle.recon.match.rate.ppm").description("leg-1 match rate, parts per million").register(registry);
        openExceptions = MultiGauge.builder("settle.recon.exceptions.open").description("open reconciliation exceptions").register(registry);
        unmatchedAmount = MultiGauge.builder("settle.recon.unmatched.amount.minor").description("open exception amounts, minor units").register(registry);
        payoutFiles = MultiGauge.builder("settle.payout.files").description("payout files by status").register(registry);
        payouts = MultiGauge.builder("settle.payouts").description("payouts by status and currency").register(registry);
        payoutAmounts = MultiGauge.builder("settle.payouts.amount.minor").description("payout amounts by status and currency, minor units").register(registry);
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, 60, TimeUnit.SECONDS);
    }

    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("KPI refresh failed: {}", e.getMessage());
        }
    }

    /** Re-reads the KPIs; no-op before {@link #bindTo}. */
    synchronized void refresh() {
        if (matchRate == null) {
            return;
        }
        matchRate.register(jdbc.query("""
                SELECT result_date::text,
                       (1000000 * count(*) FILTER (WHERE outcome IN """ + MatchOutcome.FINAL_SQL_LIST + """
                       )) / greatest(count(*), 1)
                  FROM recon_result WHERE leg = 1 AND NOT pending
                   AND result_date = (SELECT max(result_date) FROM recon_result WHERE leg = 1)
                 GROUP BY result_date""",
                (rs, n) -> MultiGauge.Row.of(Tags.of("date", rs.getString(1)), rs.getLong(2))), true);
        openExceptions.register(jdbc.query("""
                SELECT type, CASE WHEN age <= 1 THEN '0-1d' WHEN age <= 7 THEN '2-7d' WHEN age <= 30 THEN '8-30d' ELSE '>30d' END, count(*)
                  FROM (SELECT type, current_date - coalesce(first_seen_date, business_date) AS age
                          FROM recon_exception WHERE status = 'OPEN') e
                 GROUP BY 1, 2""",
                (rs, n) -> MultiGauge.Row.of(Tags.of("type", rs.getString(1), "age", rs.getString(2)), rs.getLong(3))), true);
        unmatchedAmount.register(jdbc.query("""
                SELECT currency, sum(abs(amount_minor)) FROM recon_exception
                 WHERE status = 'OPEN' AND currency IS NOT NULL AND amount_minor IS NOT NULL GROUP BY currency""",
                (rs, n) -> MultiGauge.Row.of(Tags.of("currency", rs.getString(1)), rs.getLong(2))), true);
        Boolean hasPayouts = jdbc.queryForObject("SELECT to_regclass('payout_file') IS NOT NULL", Boolean.class);
        List<MultiGauge.Row<?>> payoutRows = List.of();
        if (Boolean.TRUE.equals(hasPayouts)) {
            payoutRows = jdbc.query("SELECT coalesce(status::text, ''), count(*) FROM payout_file GROUP BY 1",
                    (rs, n) -> MultiGauge.Row.of(Tags.of("status", rs.getString(1)), rs.getLong(2)));
        }
        payoutFiles.register(payoutRows, true);
        Boolean hasPayoutTable = jdbc.queryForObject("SELECT to_regclass('payout') IS NOT NULL", Boolean.class);
        List<MultiGauge.Row<?>> counts = List.of();
        List<MultiGauge.Row<?>> amounts = List.of();
        if (Boolean.TRUE.equals(hasPayoutTable)) {
            var rows = jdbc.queryForList("SELECT status::text AS status, currency::text AS currency, count(*) AS n, "
                    + "coalesce(sum(amount_minor), 0) AS amount FROM payout GROUP BY 1, 2");
            counts = rows.stream().<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(Tags.of("status", (String) r.get("status"),
                    "currency", (String) r.get("currency")), ((Number) r.get("n")).longValue())).toList();
            amounts = rows.stream().<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(Tags.of("status", (String) r.get("status"),
                    "currency", (String) r.get("currency")), ((Number) r.get("amount")).longValue())).toList();
        }
        payouts.register(counts, true);
        payoutAmounts.register(amounts, true);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
