package dev.settle.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.jobs.JobNames;
import dev.settle.jobs.JobRunner;
import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.lock.FencingGuard;
import dev.settle.jobs.lock.JobLockException;
import dev.settle.jobs.lock.JobLocks;
import dev.settle.localservices.Ports;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.config.Config;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The pipeline over real jobs, PostgreSQL, Redis and SFTP, in one node whose scheduler does not fire. */
@SpringBootTest(classes = SchedulesTestApplication.class)
class PipelineTest {

    static final OpsTestSupport services;

    static {
        try {
            services = new OpsTestSupport("pipeline_test");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        services.properties("node-a").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("settle.recovery.on-startup", () -> "false");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Autowired
    PipelineRunner pipeline;
    @Autowired
    PipelineStatus status;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    List<Job> jobs;
    @Autowired
    SettleProperties settings;
    @Autowired
    FencingGuard fencing;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    ReconciliationMetrics kpis;
    @Autowired
    Map<String, org.springframework.boot.health.contributor.HealthIndicator> health;

    long executions() {
        return jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Long.class);
    }

    @Test
    void runs_the_four_stages_in_order_once_and_a_rerun_recomputes_reconciliation_identically() throws Exception {
        LocalDate day = LocalDate.of(2026, 10, 5);
        services.generate(day, 10);

        PipelineResult first = pipeline.run(day);

        assertThat(first.stages()).extracting(s -> s.stage() + "/" + s.scope() + "=" + s.outcome()).containsExactly(
                "ingest/adyen=COMPLETED", "ingest/bank=COMPLETED", "reconcile/=COMPLETED",
                "settle/=COMPLETED", "payout/=COMPLETED");
        assertThat(first.completed()).isTrue();
        List<Map<String, Object>> results = jdbc.queryForList(
                "SELECT * FROM recon_result WHERE result_date = ? ORDER BY leg, item_key", day);
        assertThat(results).isNotEmpty();
        long executionsAfterFirst = executions();

        PipelineResult again = pipeline.run(day);
        assertThat(again.stages()).extracting(StageResult::outcome).containsExactly(StageOutcome.ALREADY_COMPLETED,
                StageOutcome.ALREADY_COMPLETED, StageOutcome.ALREADY_COMPLETED, StageOutcome.ALREADY_COMPLETED,
                StageOutcome.ALREADY_COMPLETED);
        assertThat(executions()).isEqualTo(executionsAfterFirst);

        PipelineResult rerun = pipeline.rerun(JobNames.RECONCILE, day, "r1");
        assertThat(rerun.stages()).extracting(StageResult::outcome).containsExactly(StageOutcome.COMPLETED);
        assertThat(jdbc.queryForList("SELECT * FROM recon_result WHERE result_date = ? ORDER BY leg, item_key", day))
                .isEqualTo(results);

        var views = status.executions(day, 50);
        assertThat(views).hasSize(6); // five stages, then the reconciliation rerun
        assertThat(views).allSatisfy(v -> {
            assertThat(v.status()).isEqualTo("COMPLETED");
            assertThat(v.fencingToken()).isPositive();
            assertThat(v.lockHolder()).isEmpty(); // released
            assertThat(v.steps()).isNotEmpty();
        });
        assertThat(views.get(5).parameters()).containsEntry("rerun", "r1");
        assertThat(views.get(2).lockName()).isEqualTo(views.get(5).lockName()).isEqualTo("reconcile:" + day);
        assertThat(pipeline.lastCompletedDate()).isEqualTo(day);

        // metrics: job durations, items per step, reconciliation KPIs
        assertThat(meters.find("settle.job.duration").tags("job", "reconcile", "status", "COMPLETED").timer().count()).isEqualTo(2);
        assertThat(meters.find("settle.step.items.read").tags("job", "ingest", "step", "loadFile").counter().count()).isPositive();
        assertThat(meters.find("settle.step.items.written").tags("job", "ingest", "step", "loadFile").counter().count()).isPositive();
        kpis.refresh();
        long ppm = (long) meters.find("settle.recon.match.rate.ppm").tag("date", day.toString()).gauge().value();
        assertThat(ppm).isBetween(500_000L, 999_999L); // planted discrepancies keep it below 100 %
        assertThat(meters.find("settle.recon.exceptions.open").gauges()).isNotEmpty()
                .allSatisfy(g -> assertThat(g.getId().getTag("age")).isNotNull());
        assertThat(meters.find("settle.recon.unmatched.amount.minor").gauges()).isNotEmpty();

        // health: Redis, SFTP servers, scheduler
        assertThat(health.get("settleRedisHealthIndicator").health().getStatus().getCode()).isEqualTo("UP");
        assertThat(health.get("settleSftpHealthIndicator").health().getDetails()).containsKeys("adyen", "bank");
        assertThat(health.get("settleSchedulerHealthIndicator").health().getDetails()).containsEntry("started", false);
    }

    @Test
    void a_stage_refuses_to_start_before_the_one_it_depends_on_completed() {
        LocalDate never = LocalDate.of(2026, 9, 1);
        assertThatThrownBy(() -> pipeline.run(JobNames.RECONCILE, never))
                .isInstanceOf(PipelineRunner.PrerequisiteException.class)
                .hasMessageContaining("needs ingest (source adyen) to have completed first");
    }

    @Test
    void with_redis_down_nothing_starts_and_nothing_is_written() throws Exception {
        LocalDate day = LocalDate.of(2026, 10, 20);
        services.generate(day, 5);
        long executionsBefore = executions();
        long filesBefore = jdbc.queryForObject("SELECT count(*) FROM ingested_file", Long.class);
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress("redis://127.0.0.1:" + Ports.freePort()).setConnectTimeout(300)
                .setTimeout(300).setRetryAttempts(0);
        var deadRedis = Redisson.create(config);
        try {
            // the same jobs and database, wired to a Redis that is not there
            JobLocks locks = new JobLocks(deadRedis, "node-without-redis", Clock.systemUTC());
            JobRunner runner = new JobRunner(jobOperator, jobRepository, jobs, locks, fencing, "node-without-redis");
            PipelineRunner offline = new PipelineRunner(runner, jobRepository, locks, settings, dataSource);

            assertThatThrownBy(() -> offline.run(day)).isInstanceOfSatisfying(JobLockException.class, e -> {
                assertThat(e.reason()).isEqualTo(JobLockException.Reason.REDIS_UNAVAILABLE);
                assertThat(e).hasMessageContaining("Redis unreachable").hasMessageContaining("refusing to start");
            });
            assertThatThrownBy(() -> runner.run("ingest", Map.of("source", "adyen", "businessDate", day.toString())))
                    .isInstanceOf(JobLockException.class);
        } finally {
            deadRedis.shutdown();
        }
        assertThat(executions()).isEqualTo(executionsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ingested_file", Long.class)).isEqualTo(filesBefore);
    }
}
