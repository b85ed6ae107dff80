package dev.settle.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.lock.FencingGuard;
import dev.settle.jobs.lock.JobLocks;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A node whose lock expired mid-step cannot commit: node A pauses (think GC pause or network
 * partition) just before committing its third chunk, its Redis lock expires, node B takes the
 * lock, finds A's execution orphaned, marks it FAILED and restarts it to completion. When A wakes
 * up, its commit is refused by the database (fencing token), so every item is stored once.
 */
@SpringBootTest(classes = SchedulesTestApplication.class)
class FencingTest {

    static final OpsTestSupport services;

    static {
        try {
            services = new OpsTestSupport("fencing_test");
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
    JobRepository jobRepository;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    PlatformTransactionManager tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FencingGuard fencing;
    @Autowired
    RedissonClient redisson;

    static final int ITEMS = 10;

    /** Reads 1..ITEMS; restartable (its count is saved with each chunk). */
    static final class Numbers extends AbstractItemCountingItemStreamItemReader<Integer> {
        int next;

        Numbers() {
            setName("numbers");
            setMaxItemCount(ITEMS);
        }

        @Override
        protected Integer doRead() {
            return ++next;
        }

        @Override
        protected void doOpen() {
        }

        @Override
        protected void doClose() {
        }

        @Override
        protected void jumpToItem(int itemIndex) {
            next = itemIndex;
        }
    }

    /** Like the production writers: check the fencing token first, inside the chunk transaction. */
    final class ProbeWriter implements ItemWriter<Integer> {
        final String node;
        final CountDownLatch paused;
        final CountDownLatch resume;
        final AtomicReference<RuntimeException> refused = new AtomicReference<>();
        StepExecution stepExecution;

        ProbeWriter(String node, CountDownLatch paused, CountDownLatch resume) {
            this.node = node;
            this.paused = paused;
            this.resume = resume;
        }

        @Override
        public void write(Chunk<? extends Integer> chunk) throws Exception {
            if (paused != null && chunk.getItems().contains(5)) {
                paused.countDown();
                resume.await(30, TimeUnit.SECONDS); // the "GC pause"
            }
            try {
                fencing.check(stepExecution);
            } catch (FencingGuard.FencedOffException e) {
                refused.set(e);
                throw e;
            }
            for (Integer item : chunk) {
                jdbc.update("INSERT INTO fencing_probe (item, node) VALUES (?, ?)", item, node);
            }
        }
    }

    Job probeJob(ProbeWriter writer) {
        var step = new StepBuilder("probe", jobRepository).<Integer, Integer>chunk(2).transactionManager(tx)
                .reader(new Numbers()).writer(writer)
                .listener(new org.springframework.batch.core.listener.StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution stepExecution) {
                        writer.stepExecution = stepExecution;
                    }
                })
                .build();
        return new JobBuilder("fencingProbe", jobRepository).start(step).build();
    }

    @Test
    void a_node_whose_lock_expired_mid_step_cannot_commit() throws Exception {
        jdbc.execute("CREATE TABLE fencing_probe (item int PRIMARY KEY, node text NOT NULL)");
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ProbeWriter writerA = new ProbeWriter("node-a", paused, resume);
        ProbeWriter writerB = new ProbeWriter("node-b", null, null);
        JobRunner nodeA = new JobRunner(jobOperator, jobRepository, List.of(probeJob(writerA)),
                new JobLocks(redisson, "node-a", Clock.systemUTC(), services.database), fencing, "node-a");
        JobRunner nodeB = new JobRunner(jobOperator, jobRepository, List.of(probeJob(writerB)),
                new JobLocks(redisson, "node-b", Clock.systemUTC(), services.database), fencing, "node-b");
        Map<String, String> params = Map.of("businessDate", "2026-01-01");
        String lockName = JobRunner.lockName("fencingProbe", params);

        CompletableFuture<Object> a = CompletableFuture.supplyAsync(() -> {
            try {
                return nodeA.run("fencingProbe", params);
            } catch (Exception e) {
                return e;
            }
        });
        assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fencing_probe", Long.class)).isEqualTo(4);

        redisson.getLock(new JobLocks(redisson, "x", Clock.systemUTC(), services.database).key(lockName)).forceUnlock(); // A's lease ran out while it was paused
        JobExecution b = nodeB.run("fencingProbe", params);
        assertThat(b.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        resume.countDown();
        a.get(30, TimeUnit.SECONDS);

        assertThat(writerA.refused.get()).isInstanceOf(FencingGuard.FencedOffException.class)
                .hasMessageContaining("fenced off: lock " + lockName + " token ");
        assertThat(jdbc.queryForList("SELECT node FROM fencing_probe ORDER BY item", String.class))
                .containsExactly("node-a", "node-a", "node-a", "node-a",
                        "node-b", "node-b", "node-b", "node-b", "node-b", "node-b");
        assertThat(fencing.current(lockName)).isEqualTo(b.getJobParameters().getLong(FencingGuard.TOKEN_PARAMETER));
    }

    @Test
    void an_orphan_is_marked_failed_at_start_up_and_a_stopped_execution_resumes_from_its_last_chunk() throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS fencing_probe (item int PRIMARY KEY, node text NOT NULL)");
        jdbc.update("DELETE FROM fencing_probe");
        Map<String, String> params = Map.of("businessDate", "2026-01-02");
        String lockName = JobRunner.lockName("fencingProbe", params);

        // node A stops (operator) while paused before its third chunk
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ProbeWriter writerA = new ProbeWriter("node-a", paused, resume);
        JobRunner nodeA = new JobRunner(jobOperator, jobRepository, List.of(probeJob(writerA)),
                new JobLocks(redisson, "node-a", Clock.systemUTC(), services.database), fencing, "node-a");
        CompletableFuture<JobExecution> a = CompletableFuture.supplyAsync(() -> {
            try {
                return nodeA.run("fencingProbe", params);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
        long executionId = jobRepository.findRunningJobExecutions("fencingProbe").iterator().next().getId();

        // while it runs, start-up recovery on another node leaves it alone: its lock is held
        JobRunner nodeB = new JobRunner(jobOperator, jobRepository, List.of(probeJob(new ProbeWriter("node-b", null, null))),
                new JobLocks(redisson, "node-b", Clock.systemUTC(), services.database), fencing, "node-b");
        assertThat(nodeB.recoverOrphans()).isEmpty();

        jobOperator.stop(jobRepository.getJobExecution(executionId)); // what `settle stop` does
        resume.countDown();
        JobExecution stopped = a.get(30, TimeUnit.SECONDS);
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        long committed = jdbc.queryForObject("SELECT count(*) FROM fencing_probe", Long.class);
        assertThat(committed).isBetween(4L, 6L);

        JobExecution restarted = nodeB.restart(executionId); // what `settle restart` does
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(stopped.getJobInstanceId());
        assertThat(restarted.getStepExecutions().iterator().next().getReadCount()).isEqualTo(ITEMS - committed);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT item) FROM fencing_probe", Long.class)).isEqualTo(ITEMS);

        // an execution left STARTED by a dead node (its lock gone) is marked FAILED by start-up recovery
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', end_time = NULL WHERE job_execution_id = ?", executionId);
        assertThat(nodeB.recoverOrphans()).containsExactly(executionId);
        assertThat(jobRepository.getJobExecution(executionId).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(lockName).isEqualTo("fencingProbe:2026-01-02");
    }
}
