package dev.settle.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.jobs.lock.JobLocks;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.CronScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes against the same PostgreSQL and Redis, each with its own clustered Quartz
 * scheduler (instance ids AUTO). They are two Spring contexts in this one JVM (cheaper than two
 * processes on a 2-core machine; Quartz keeps a JVM-wide registry of connection providers by
 * scheduler name, so both nodes' job stores end up using one of the two pools — to the same
 * database). The crash test uses real separate JVMs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeScheduleTest {

    static OpsTestSupport services;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static JdbcTemplate jdbc;
    static final List<LocalDate> DATES = List.of(LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 4),
            LocalDate.of(2026, 8, 5), LocalDate.of(2026, 8, 6));

    static ConfigurableApplicationContext node(String name) {
        Map<String, Object> properties = new java.util.HashMap<>(services.properties(name));
        properties.put("spring.quartz.auto-startup", "true");
        properties.put("settle.schedule.catch-up-days-max", "1");
        properties.put("settle.recovery.on-startup", "false");
        properties.put("spring.quartz.properties.org.quartz.jobStore.misfireThreshold", "2000");
        properties.put("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", "1000");
        return new SpringApplicationBuilder(SchedulesTestApplication.class).properties(properties).run();
    }

    @BeforeAll
    static void start() throws Exception {
        services = new OpsTestSupport("two_nodes");
        for (LocalDate d : DATES) {
            services.generate(d, 4);
        }
        nodeA = node("node-a");
        nodeB = node("node-b");
        jdbc = new JdbcTemplate(services.dataSource());
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        services.close();
    }

    static void awaitQuiet(Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            long pending = jdbc.queryForObject("SELECT count(*) FROM qrtz_triggers WHERE trigger_name <> 'nightly'", Long.class);
            long firing = jdbc.queryForObject("SELECT count(*) FROM qrtz_fired_triggers", Long.class);
            if (pending == 0 && firing == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("triggers still pending after " + max);
    }

    /** Executions per job instance for a date: "job[params]" -> statuses. */
    static List<String> executionsOf(LocalDate date) {
        return jdbc.queryForList("""
                SELECT i.job_name || coalesce('/' || max(s.parameter_value), '') || '=' || string_agg(e.status, ',' ORDER BY e.job_execution_id)
                  FROM batch_job_instance i
                  JOIN batch_job_execution e ON e.job_instance_id = i.job_instance_id
                  JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                       AND p.parameter_name = 'businessDate' AND p.parameter_value = ?
                  LEFT JOIN batch_job_execution_params s ON s.job_execution_id = e.job_execution_id AND s.parameter_name = 'source'
                 GROUP BY i.job_instance_id, i.job_name ORDER BY 1""", String.class, date.toString());
    }

    @Test
    @Order(1)
    void twenty_triggers_from_both_nodes_run_each_business_date_exactly_once() throws Exception {
        PipelineSchedules a = nodeA.getBean(PipelineSchedules.class);
        PipelineSchedules b = nodeB.getBean(PipelineSchedules.class);
        for (int i = 0; i < 20; i++) {
            (i % 2 == 0 ? a : b).trigger(DATES.get(i % DATES.size()));
        }
        awaitQuiet(Duration.ofSeconds(120));

        for (LocalDate d : DATES) {
            assertThat(executionsOf(d)).as("executions for %s", d).containsExactly(
                    "ingest/adyen=COMPLETED", "ingest/bank=COMPLETED", "payout=COMPLETED",
                "reconcile=COMPLETED", "settle=COMPLETED");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ingested_file WHERE status = 'INGESTED'", Long.class))
                .isEqualTo(2L * DATES.size());
        assertThat(a.nodes()).hasSize(2).allSatisfy(n -> assertThat(n.alive()).isTrue());
        System.out.println("job_fence holders: " + jdbc.queryForList(
                "SELECT holder, count(*) FROM job_fence GROUP BY holder ORDER BY 1"));
    }

    @Test
    @Order(2)
    void the_same_date_started_on_both_nodes_at_once_runs_once() throws Exception {
        LocalDate day = LocalDate.of(2026, 8, 7);
        services.generate(day, 4);
        PipelineRunner a = nodeA.getBean(PipelineRunner.class);
        PipelineRunner b = nodeB.getBean(PipelineRunner.class);
        var ra = CompletableFuture.supplyAsync(() -> a.run(day));
        var rb = CompletableFuture.supplyAsync(() -> b.run(day));
        List<StageOutcome> outcomes = new ArrayList<>(List.of(ra.get().outcome(), rb.get().outcome()));

        assertThat(outcomes).contains(StageOutcome.COMPLETED);
        assertThat(executionsOf(day)).containsExactly("ingest/adyen=COMPLETED", "ingest/bank=COMPLETED", "payout=COMPLETED",
                "reconcile=COMPLETED", "settle=COMPLETED");
    }

    @Test
    @Order(3)
    void a_missed_night_fires_once_at_start_up_for_yesterday() throws Exception {
        Scheduler scheduler = nodeA.getBean(Scheduler.class);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        // a nightly trigger whose last three firings were missed (the cluster was down)
        scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity("missed", PipelineSchedules.GROUP)
                .forJob(PipelineSchedules.JOB).usingJobData(NightlyPipelineJob.ZONE, "UTC")
                .startAt(Date.from(java.time.Instant.now().minus(Duration.ofDays(3))))
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(2, 30).inTimeZone(java.util.TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (executionsOf(yesterday).stream().noneMatch(s -> s.startsWith("reconcile=")) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        Thread.sleep(1500); // a second (wrong) firing would show up by now
        assertThat(executionsOf(yesterday)).containsExactly("ingest/adyen=COMPLETED", "ingest/bank=COMPLETED", "payout=COMPLETED",
                "reconcile=COMPLETED", "settle=COMPLETED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Long.class))
                .as("only yesterday ran (catch-up limited to 1 day), once")
                .isEqualTo(5L * (DATES.size() + 2)); // five jobs per date: two ingests, reconcile, settle, payout
        scheduler.unscheduleJob(org.quartz.TriggerKey.triggerKey("missed", PipelineSchedules.GROUP));
    }

    @Test
    @Order(4)
    void when_one_node_is_gone_the_other_fires() throws Exception {
        LocalDate day = LocalDate.of(2026, 8, 10);
        services.generate(day, 4);
        nodeA.close();
        nodeA = null;
        PipelineSchedules schedulesB = nodeB.getBean(PipelineSchedules.class);
        String trigger = schedulesB.trigger(day);
        assertThat(schedulesB.firingEnded(trigger)).isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!schedulesB.firingEnded(trigger) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // once the firing has ended, its pipeline lock is free: a process may shut down now
        assertThat(nodeB.getBean(JobLocks.class).holder(PipelineRunner.PIPELINE_LOCK)).isNull();
        awaitQuiet(Duration.ofSeconds(60));
        assertThat(executionsOf(day)).containsExactly("ingest/adyen=COMPLETED", "ingest/bank=COMPLETED", "payout=COMPLETED",
                "reconcile=COMPLETED", "settle=COMPLETED");
        assertThat(jdbc.queryForObject("SELECT holder FROM job_fence WHERE lock_name = ?", String.class, "reconcile:" + day))
                .isEqualTo("node-b");
    }
}
