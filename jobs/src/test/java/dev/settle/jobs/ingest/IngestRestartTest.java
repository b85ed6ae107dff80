package dev.settle.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.JobTestSupport;
import dev.settle.readerswriters.inbound.StagedItem;
import dev.settle.readerswriters.inbound.StagingWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A crash in the middle of a file: the writer of chunk k+1 fails after k chunks committed; the
 * restart resumes from chunk k+1 and every row is stored exactly once, invisible until published.
 */
@SpringBootTest(classes = {dev.settle.jobs.JobsTestApplication.class, IngestRestartTest.CrashOnce.class},
        properties = "spring.main.allow-bean-definition-overriding=true")
class IngestRestartTest {

    static final JobTestSupport services;
    static final AtomicInteger chunksUntilCrash = new AtomicInteger(-1);

    static {
        try {
            services = new JobTestSupport("ingest_restart");
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

    /** Replaces the staging writer with one that fails once, after a set number of chunks. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CrashOnce {
        @Bean
        @Primary
        @StepScope
        StagingWriter stagingWriter(DataSource dataSource, FileRegistry registry,
                                    @Value("#{stepExecution}") StepExecution stepExecution) {
            long fileId = stepExecution.getExecutionContext().getLong(PendingFilesPartitioner.FILE_ID_KEY);
            return new StagingWriter(dataSource, fileId, registry.find(fileId).orElseThrow().source(), n -> { }) {
                @Override
                public void write(Chunk<? extends StagedItem> chunk) throws Exception {
                    super.write(chunk);
                    if (chunksUntilCrash.getAndDecrement() == 0) {
                        throw new IllegalStateException("simulated crash while writing a chunk");
                    }
                }
            };
        }
    }

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_crash_after_three_chunks_resumes_and_stores_every_row_exactly_once() throws Exception {
        String content = IngestJobTest.report(1_000, 11);
        long rows = content.lines().count() - 1;
        services.publish("settlement_detail_report_batch_99.csv", content);
        Map<String, String> params = Map.of(IngestJob.SOURCE, "adyen", IngestJob.BUSINESS_DATE, "2026-11-10");

        chunksUntilCrash.set(3); // chunks 1-3 commit, chunk 4 rolls back
        JobExecution crashed = runner.run(IngestJob.NAME, params);
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
