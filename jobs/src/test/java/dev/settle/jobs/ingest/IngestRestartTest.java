package dev.settle.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.JobTestSupport;
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

        JobExecution restarted = runner.run(IngestJob.NAME, params); // same identifying parameters → restart
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(crashed.getJobInstanceId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM visible_gateway_report_line WHERE file_id = ?", Long.class, fileId))
                .isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT line_no) FROM gateway_report_line WHERE file_id = ?", Long.class, fileId))
                .isEqualTo(rows);
        var loadFile = restarted.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("loadFile")).findFirst().orElseThrow();
        assertThat(loadFile.getReadCount()).isEqualTo(rows - 300); // resumed, not re-read
    }
}
