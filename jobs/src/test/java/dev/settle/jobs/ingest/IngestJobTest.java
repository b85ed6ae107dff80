package dev.settle.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.adyen.AdyenSdrEmulator;
import dev.settle.formats.adyen.SdrLayout;
import dev.settle.jobs.JobRunner;
import dev.settle.jobs.JobTestSupport;
import dev.settle.jobs.lock.JobLock;
import dev.settle.jobs.lock.JobLockException;
import dev.settle.jobs.lock.JobLocks;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job end to end on real services: SFTP (MINA SSHD), PostgreSQL, Redis. Each test uses
 * its own business date, so each is a separate job instance.
 */
@SpringBootTest(classes = dev.settle.jobs.JobsTestApplication.class)
class IngestJobTest {

    static final JobTestSupport services = JobTestSupport.start("ingest_test");

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
    JobLocks locks;

    static String report(long rows, long seed) {
        StringWriter out = new StringWriter();
        AdyenSdrEmulator.write(out, SdrLayout.CLASSIC, rows, 50, seed);
        return out.toString();
    }

    JobExecution ingest(String date) throws Exception {
        return runner.run(IngestJob.NAME, Map.of(IngestJob.SOURCE, "adyen", IngestJob.BUSINESS_DATE, date));
    }

    long visibleLines(String remoteName) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM visible_gateway_report_line l JOIN ingested_file f ON f.id = l.file_id
                 WHERE f.remote_name = ?""", Long.class, remoteName);
    }

    @Test
    void ingests_a_report_once_and_reports_the_same_content_again_as_a_duplicate() throws Exception {
        String content = report(420, 1);
        services.publish("settlement_detail_report_batch_1.csv", content);
        JobExecution first = ingest("2026-11-01");
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long rows = content.lines().count() - 1;
        assertThat(visibleLines("settlement_detail_report_batch_1.csv")).isEqualTo(rows);
        var file = jdbc.queryForMap("SELECT * FROM ingested_file WHERE remote_name = 'settlement_detail_report_batch_1.csv'");
        assertThat(file.get("status")).isEqualTo("INGESTED");
        assertThat(file.get("rows_written")).isEqualTo(rows);
        assertThat(file.get("sha256")).asString().hasSize(64);

        // the same content under another name, on another night
        services.publish("settlement_detail_report_batch_1_copy.csv", content);
        assertThat(ingest("2026-11-02").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE remote_name = 'settlement_detail_report_batch_1_copy.csv'",
                String.class)).isEqualTo("DUPLICATE");
        assertThat(visibleLines("settlement_detail_report_batch_1.csv")).isEqualTo(rows);
        assertThat(visibleLines("settlement_detail_report_batch_1_copy.csv")).isZero();
    }

    @Test
    void the_same_name_with_new_content_is_held_for_review_not_merged() throws Exception {
        services.publish("settlement_detail_report_batch_7.csv", report(60, 7));
        assertThat(ingest("2026-11-03").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        services.publish("settlement_detail_report_batch_7.csv", report(61, 8));
        assertThat(ingest("2026-11-04").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        var versions = jdbc.queryForList("SELECT name_version, status FROM ingested_file WHERE remote_name = "
                + "'settlement_detail_report_batch_7.csv' ORDER BY name_version");
        assertThat(versions).extracting(m -> m.get("status")).containsExactly("INGESTED", "HELD");
        assertThat(visibleLines("settlement_detail_report_batch_7.csv")).isEqualTo(60);
    }

    @Test
    void bad_amounts_on_five_lines_are_skipped_with_evidence_and_six_quarantine_the_file() throws Exception {
        String good = report(30, 3);
        String fiveBad = corruptAmounts(good, 5);
        services.publish("settlement_detail_report_batch_5bad.csv", fiveBad);
        assertThat(ingest("2026-11-05").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE remote_name = 'settlement_detail_report_batch_5bad.csv'",
                String.class)).isEqualTo("INGESTED");
        var errors = jdbc.queryForList("""
                SELECT e.line_no, e.field, e.raw_value, e.code FROM ingest_error e JOIN ingested_file f ON f.id = e.file_id
                 WHERE f.remote_name = 'settlement_detail_report_batch_5bad.csv' ORDER BY e.line_no""");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0).get("raw_value")).isEqualTo("12x.34");
        assertThat(errors.get(0).get("field")).asString().contains("(GC)");
        assertThat(visibleLines("settlement_detail_report_batch_5bad.csv")).isEqualTo(good.lines().count() - 1 - 5);

        services.publish("settlement_detail_report_batch_6bad.csv", corruptAmounts(report(30, 4), 6));
        assertThat(ingest("2026-11-06").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE remote_name = 'settlement_detail_report_batch_6bad.csv'",
                String.class)).isEqualTo("QUARANTINED");
        assertThat(visibleLines("settlement_detail_report_batch_6bad.csv")).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_report_line l JOIN ingested_file f ON f.id = l.file_id "
                + "WHERE f.remote_name = 'settlement_detail_report_batch_6bad.csv'", Long.class)).isZero();
    }

    @Test
    void a_second_runner_is_told_who_holds_the_lock() throws Exception {
        try (JobLock held = locks.acquire("ingest:adyen:2026-11-07")) {
            Thread other = new Thread(() -> assertThatThrownBy(() -> ingest("2026-11-07"))
                    .isInstanceOfSatisfying(JobLockException.class, e -> {
                        assertThat(e.reason()).isEqualTo(JobLockException.Reason.HELD_ELSEWHERE);
                        assertThat(e).hasMessageContaining("already running on test-node");
                    }));
            other.start();
            other.join();
            assertThat(held.fencingToken()).isPositive();
        }
    }

    /** Replaces the Gross Credit of the first {@code n} Settled rows with a non-number. */
    static String corruptAmounts(String csv, int n) {
        String[] lines = csv.split("\n", -1);
        int done = 0;
        for (int i = 1; i < lines.length && done < n; i++) {
            if (lines[i].contains(",Settled,")) {
                String[] cells = lines[i].split(",", -1);
                cells[11] = "12x.34"; // Gross Credit (GC) in the classic layout
                lines[i] = String.join(",", cells);
                done++;
            }
        }
        return String.join("\n", lines);
    }
}
