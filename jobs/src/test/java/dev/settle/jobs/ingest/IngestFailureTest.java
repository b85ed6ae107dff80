package dev.settle.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.JobTestSupport;
import dev.settle.jobs.lock.JobLockException;
import dev.settle.jobs.lock.JobLocks;
import dev.settle.localservices.EmbeddedSftpServer;
import dev.settle.localservices.Ports;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.config.Config;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the ingest job does when the outside world misbehaves. */
@SpringBootTest(classes = dev.settle.jobs.JobsTestApplication.class)
class IngestFailureTest {

    static final JobTestSupport services = JobTestSupport.start("ingest_failure");

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

    JobExecution ingest(String date) throws Exception {
        return runner.run(IngestJob.NAME, Map.of(IngestJob.SOURCE, "adyen", IngestJob.BUSINESS_DATE, date));
    }

    @Test
    void a_changed_host_key_refuses_the_connection_and_records_nothing() throws Exception {
        services.publish("settlement_detail_report_batch_hk.csv", IngestJobTest.report(10, 5));
        String original = Files.readString(services.sftp.knownHostsFile());
        try (EmbeddedSftpServer other = EmbeddedSftpServer.start(Files.createTempDirectory("r"), Files.createTempDirectory("k"), 0)) {
            String otherKey = Files.readString(other.knownHostsFile()).split(" ", 2)[1];
            Files.writeString(services.sftp.knownHostsFile(), "[127.0.0.1]:" + services.sftp.port() + " " + otherKey);
            JobExecution run = ingest("2026-11-20");
            assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(run.getAllFailureExceptions()).anySatisfy(e -> assertThat(e).hasMessageContaining("SFTP list /reports"));
        } finally {
            Files.writeString(services.sftp.knownHostsFile(), original);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ingested_file WHERE remote_name = 'settlement_detail_report_batch_hk.csv'",
                Long.class)).isZero();
    }

    @Autowired
    org.springframework.batch.core.repository.JobRepository jobRepository;

    @Test
    void an_instance_a_dead_node_left_without_any_execution_is_started_afresh() throws Exception {
        services.publish("settlement_detail_report_batch_orphan.csv", IngestJobTest.report(10, 9));
        // what a SIGKILL between Spring Batch's "create instance" and "create execution" transactions leaves behind
        jobRepository.createJobInstance(IngestJob.NAME, new org.springframework.batch.core.job.parameters.JobParametersBuilder()
                .addString(IngestJob.BUSINESS_DATE, "2026-11-22", true).addString(IngestJob.SOURCE, "adyen", true)
                .toJobParameters());
        assertThat(ingest("2026-11-22").getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void redis_unreachable_means_the_job_refuses_to_start() {
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress("redis://127.0.0.1:" + Ports.freePort()).setConnectTimeout(300)
                .setTimeout(300).setRetryAttempts(0);
        var deadRedis = Redisson.create(config);
        try {
            JobLocks locks = new JobLocks(deadRedis, "test-node", Clock.systemUTC());
            assertThatThrownBy(() -> locks.acquire("ingest:adyen:2026-11-21"))
                    .isInstanceOfSatisfying(JobLockException.class, e -> {
                        assertThat(e.reason()).isEqualTo(JobLockException.Reason.REDIS_UNAVAILABLE);
                        assertThat(e).hasMessageContaining("refusing to start");
                    });
        } finally {
            deadRedis.shutdown();
        }
    }
}
