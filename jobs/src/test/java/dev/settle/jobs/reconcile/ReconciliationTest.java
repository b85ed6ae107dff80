package dev.settle.jobs.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.JobTestSupport;
import dev.settle.jobs.ingest.IngestJob;
import dev.settle.jobs.simulation.DayGenerator;
import dev.settle.jobs.simulation.DaySpec;
import dev.settle.jobs.simulation.GeneratedDay;
import dev.settle.jobs.simulation.PlantedException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ingest + reconcile over two generated days with one discrepancy of every kind planted: the
 * exceptions found are exactly the planted ones (no misses, no false alarms), a late line clears
 * yesterday's exception, and rerunning a day gives identical results.
 */
@SpringBootTest(classes = dev.settle.jobs.JobsTestApplication.class)
class ReconciliationTest {

    static final JobTestSupport services;
    static final LocalDate DAY1 = LocalDate.of(2026, 11, 2);
    static final LocalDate DAY2 = DAY1.plusDays(1);

    static {
        try {
            services = new JobTestSupport("recon_test");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        services.register(registry);
    }

    @AfterAll
    static void stop() {
        services.sftp.close();
    }

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    GeneratedDay generateAndIngest(LocalDate day) throws Exception {
        DaySpec spec = new DaySpec(42, day, 6, 20, List.of("EUR", "JPY", "KWD", "USD"), 100, 20, true);
        GeneratedDay generated = new DayGenerator(dataSource).generate(spec,
                services.sftp.root().resolve("reports/settlement_detail_report_batch_" + day + ".csv"),
                services.sftp.root().resolve("statements/statement_" + day + ".xml"));
        for (String source : List.of("adyen", "bank")) {
            assertThat(runner.run(IngestJob.NAME, Map.of(IngestJob.SOURCE, source, IngestJob.BUSINESS_DATE, day.toString()))
                    .getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        return generated;
    }

    void reconcile(LocalDate day) throws Exception {
        assertThat(runner.run(ReconcileJob.NAME, Map.of(ReconcileJob.BUSINESS_DATE, day.toString())).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    List<PlantedException> raisedOn(LocalDate day) {
        return jdbc.query("SELECT type, reference FROM recon_exception WHERE first_seen_date = ? AND item_key <> '' ORDER BY 1, 2",
                (rs, n) -> new PlantedException(rs.getString(1), rs.getString(2)), day);
    }

    List<Map<String, Object>> results(LocalDate day) {
        return jdbc.queryForList("SELECT * FROM recon_result WHERE result_date = ? ORDER BY leg, item_key", day);
    }

    @Test
    void finds_exactly_the_planted_exceptions_over_two_days_and_reruns_identically() throws Exception {
        GeneratedDay day1 = generateAndIngest(DAY1);
        reconcile(DAY1);
        assertThat(day1.raised()).extracting(PlantedException::type).containsExactlyInAnyOrder("AMOUNT_MISMATCH",
                "AMOUNT_MISMATCH", "CURRENCY_MISMATCH", "MISSING_INTERNALLY", "DUPLICATE", "MISSING_IN_GATEWAY",
                "MISSING_IN_GATEWAY", "MISSING_BANK_CREDIT", "UNMATCHED_BANK_CREDIT");
        assertThat(raisedOn(DAY1)).containsExactlyElementsOf(day1.raised().stream().sorted().toList());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recon_exception WHERE item_key = ''", Long.class))
                .as("no statement continuity breaks").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM recon_result WHERE result_date = ? AND outcome = 'MATCHED_WITHIN_TOLERANCE'
                   AND attribution = 'ROUNDING'""", Long.class, DAY1)).isEqualTo(1);
        long matched = jdbc.queryForObject("SELECT count(*) FROM recon_result WHERE result_date = ? AND leg = 1 AND outcome = 'MATCHED'",
                Long.class, DAY1);
        assertThat(matched).isGreaterThan(day1.capturesByCurrency().values().stream().mapToLong(Long::longValue).sum() - 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dispute", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT reltuples::bigint FROM pg_class WHERE relname = 'dispute_event'", Long.class))
                .as("settlement plans its dispute lookups on statistics of today's events")
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM dispute_event", Long.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_posting", Long.class)).as("generated postings")
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM gateway_transaction WHERE kind IN ('capture', 'refund')", Long.class));
        assertThat(new dev.settle.ledger.Ledger(dataSource, java.time.Clock.systemUTC()).unbalancedCurrencies()).isEmpty();

        // the generated gateway truncates its 1.20 % commission; the schedule expects it rounded half-even
        var fees = new GatewayFeeReport(dataSource).between(DAY1, DAY1);
        assertThat(fees).extracting(GatewayFeeReport.Row::currency).containsExactly("EUR", "JPY", "KWD", "USD");
        assertThat(fees).allSatisfy(r -> {
            assertThat(r.linesOverCharged()).isZero();
            assertThat(r.actualMinor()).isLessThanOrEqualTo(r.expectedMinor());
            assertThat(r.expectedMinor() - r.actualMinor()).isLessThanOrEqualTo(r.lines());
        });

        List<Map<String, Object>> firstRun = results(DAY1);
        assertThat(runner.rerun(ReconcileJob.NAME, Map.of(ReconcileJob.BUSINESS_DATE, DAY1.toString()), "1").getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(results(DAY1)).isEqualTo(firstRun);
        assertThat(raisedOn(DAY1)).containsExactlyElementsOf(day1.raised().stream().sorted().toList());

        GeneratedDay day2 = generateAndIngest(DAY2);
        reconcile(DAY2);
        assertThat(raisedOn(DAY2)).containsExactlyElementsOf(day2.raised().stream().sorted().toList());
        assertThat(day2.resolvedByMatch()).hasSize(1);
        PlantedException late = day2.resolvedByMatch().get(0);
        Map<String, Object> cleared = jdbc.queryForMap(
                "SELECT status, resolution_kind, resolution FROM recon_exception WHERE type = ? AND reference = ?",
                late.type(), late.reference());
        assertThat(cleared).containsEntry("status", "RESOLVED").containsEntry("resolution_kind", "MATCHED_LATER")
                .containsEntry("resolution", "matched on " + DAY2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recon_exception_action WHERE action = 'AUTO_RESOLVED'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recon_run_input i JOIN recon_run r ON r.id = i.run_id "
                + "WHERE r.business_date = ?", Long.class, DAY2)).isEqualTo(4);

        // a final match freezes both its items: day 2 matched none of day 1's matched items again
        assertThat(jdbc.queryForList("""
                SELECT k FROM (SELECT item_key AS k FROM recon_result WHERE outcome IN ('MATCHED', 'MATCHED_WITHIN_TOLERANCE')
                               UNION ALL
                               SELECT other_key FROM recon_result WHERE outcome IN ('MATCHED', 'MATCHED_WITHIN_TOLERANCE')) x
                 GROUP BY k HAVING count(*) > 1""", String.class)).isEmpty();
        // each kind of key has one place in a final match: what ReconciliationSql.frozenBefore relies on
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT leg || ' ' || split_part(item_key, ':', 1) || ' <-> ' || split_part(other_key, ':', 1)
                  FROM recon_result WHERE outcome IN ('MATCHED', 'MATCHED_WITHIN_TOLERANCE')""", String.class))
                .contains("1 txn <-> gw", "2 batch <-> bank").isSubsetOf("1 txn <-> gw", "2 batch <-> bank", "3 po <-> bank");
    }
}
