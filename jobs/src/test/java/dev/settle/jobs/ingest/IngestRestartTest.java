package dev.settle.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.JobTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A crash in the middle of a file: the database refuses one row of chunk 4 (a trigger armed by the
 * test, so the failure is real and nothing in the job is replaced); chunks 1–3 stay committed; the
 * restart resumes from chunk 4 and every row is stored exactly once, invisible until published.
 * A restart on a node without the fetched copy downloads it again, and only with the recorded checksum;
 * a file that cannot go on is rejected by finance, and the restart then completes without it.
 */
@SpringBootTest(classes = dev.settle.jobs.JobsTestApplication.class)
class IngestRestartTest {

    static final JobTestSupport services = JobTestSupport.start("ingest_restart");

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
    FileReview review;

    void armCrashAtLine(long lineNo) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_crash_switch (line_no bigint)");
        jdbc.update("INSERT INTO test_crash_switch VALUES (?)", lineNo);
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION test_crash() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM test_crash_switch WHERE line_no = NEW.line_no) THEN
                        RAISE EXCEPTION 'simulated crash at line %', NEW.line_no;
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER test_crash BEFORE INSERT ON gateway_report_line FOR EACH ROW EXECUTE FUNCTION test_crash()");
    }

    void disarm() {
        jdbc.execute("DROP TRIGGER test_crash ON gateway_report_line");
    }

    @Test
    void a_crash_in_chunk_four_resumes_there_and_stores_every_row_exactly_once() throws Exception {
        String content = IngestJobTest.report(1_000, 11);
        long rows = content.lines().count() - 1;
        services.publish("settlement_detail_report_batch_99.csv", content);
        Map<String, String> params = Map.of(IngestJob.SOURCE, "adyen", IngestJob.BUSINESS_DATE, "2026-11-10");

        armCrashAtLine(350); // chunk size 100, data from line 2: chunk 4 holds lines 302-401
        JobExecution crashed = runner.run(IngestJob.NAME, params);
        disarm();
        assertThat(crashed.getStatus()).isEqualTo(BatchStatus.FAILED);
        long fileId = jdbc.queryForObject("SELECT id FROM ingested_file WHERE remote_name = 'settlement_detail_report_batch_99.csv'", Long.class);
        assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE id = ?", String.class, fileId)).isEqualTo("LOADING");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_report_line WHERE file_id = ?", Long.class, fileId)).isEqualTo(300);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM visible_gateway_report_line WHERE file_id = ?", Long.class, fileId)).isZero();
        // the registry's count of staged rows moved with the committed chunks, not with the failed one
        assertThat(jdbc.queryForObject("SELECT rows_written FROM ingested_file WHERE id = ?", Long.class, fileId)).isEqualTo(300);

        JobExecution restarted = runner.run(IngestJob.NAME, params); // same identifying parameters → restart
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(crashed.getJobInstanceId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM visible_gateway_report_line WHERE file_id = ?", Long.class, fileId))
                .isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT line_no) FROM gateway_report_line WHERE file_id = ?", Long.class, fileId))
                .isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT rows_written FROM ingested_file WHERE id = ?", Long.class, fileId)).isEqualTo(rows);
        var loadFile = restarted.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("loadFile")).findFirst().orElseThrow();
        assertThat(loadFile.getReadCount()).isEqualTo(rows - 300); // resumed, not re-read
    }

    /** Crashes the first run of {@code name} at line 350 and returns the file's registry id. */
    long crashAtLine350(String name, Map<String, String> params) throws Exception {
        armCrashAtLine(350);
        JobExecution crashed = runner.run(IngestJob.NAME, params);
        disarm();
        assertThat(crashed.getStatus()).isEqualTo(BatchStatus.FAILED);
        return jdbc.queryForObject("SELECT id FROM ingested_file WHERE remote_name = ?", Long.class, name);
    }

    Path localCopy(long fileId, String name) {
        return services.workDirectory.resolve("inbox/adyen/" + fileId + "-" + name);
    }

    @Test
    void a_restart_on_a_node_without_the_local_copy_downloads_it_again_and_resumes() throws Exception {
        String name = "settlement_detail_report_batch_98.csv";
        String content = IngestJobTest.report(1_000, 12);
        services.publish(name, content);
        Map<String, String> params = Map.of(IngestJob.SOURCE, "adyen", IngestJob.BUSINESS_DATE, "2026-11-11");
        long fileId = crashAtLine350(name, params);
        Files.delete(localCopy(fileId, name)); // the restart runs where the fetch did not

        JobExecution restarted = runner.run(IngestJob.NAME, params);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT line_no) FROM visible_gateway_report_line WHERE file_id = ?",
                Long.class, fileId)).isEqualTo(content.lines().count() - 1);
    }

    @Test
    void a_restart_refuses_a_file_whose_content_changed_on_the_server_since_it_was_recorded() throws Exception {
        String name = "settlement_detail_report_batch_97.csv";
        services.publish(name, IngestJobTest.report(1_000, 13));
        Map<String, String> params = Map.of(IngestJob.SOURCE, "adyen", IngestJob.BUSINESS_DATE, "2026-11-12");
        long fileId = crashAtLine350(name, params);
        Files.delete(localCopy(fileId, name));
        services.publish(name, IngestJobTest.report(1_000, 14)); // same name, other content

        JobExecution restarted = runner.run(IngestJob.NAME, params);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getAllFailureExceptions()).anySatisfy(e -> assertThat(e).hasStackTraceContaining(
                "file " + fileId + " (" + name + ") changed on the server since it was recorded"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_report_line WHERE file_id = ?", Long.class, fileId)).isEqualTo(300);
        assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE id = ?", String.class, fileId)).isEqualTo("LOADING");
        assertThat(localCopy(fileId, name)).doesNotExist();

        // finance rejects it: its staged rows go, and the restart completes without loading it
        review.reject(fileId, "alice", "changed on the server after it was recorded");
        JobExecution afterReview = runner.run(IngestJob.NAME, params);
        assertThat(afterReview.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(afterReview.getJobInstanceId()).isEqualTo(restarted.getJobInstanceId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_report_line WHERE file_id = ?", Long.class, fileId)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE id = ?", String.class, fileId)).isEqualTo("REJECTED");

        // the next day's run records what the server holds now as a new version of the name, for review
        runner.run(IngestJob.NAME, Map.of(IngestJob.SOURCE, "adyen", IngestJob.BUSINESS_DATE, "2026-11-20"));
        assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE remote_name = ? AND name_version = 2",
                String.class, name)).isEqualTo("HELD");
    }

    @Test
    void a_restart_that_finds_the_file_nowhere_says_where_it_looked() throws Exception {
        String name = "settlement_detail_report_batch_96.csv";
        Path remote = services.publish(name, IngestJobTest.report(1_000, 15));
        Map<String, String> params = Map.of(IngestJob.SOURCE, "adyen", IngestJob.BUSINESS_DATE, "2026-11-13");
        long fileId = crashAtLine350(name, params);
        Files.delete(localCopy(fileId, name));
        Files.delete(remote);

        JobExecution restarted = runner.run(IngestJob.NAME, params);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(restarted.getAllFailureExceptions()).anySatisfy(e -> assertThat(e).hasStackTraceContaining(
                "local copy of file " + fileId + " (" + name + ") is missing (fetched on another node?) and it could not be "
                        + "downloaded again from /reports or /reports/archive"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_report_line WHERE file_id = ?", Long.class, fileId)).isEqualTo(300);
        review.reject(fileId, "alice", "the gateway deleted it; it resends the day"); // leaves the source free for the other tests
    }
}
