package dev.settle.jobs.reconcile;

import dev.settle.jobs.HashPartitions;
import dev.settle.jobs.lock.FencingGuard;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reconcile job for one business date: begin (forget that date's results, record inputs) →
 * leg 1 in hash partitions run in parallel threads (and, being plain step executions, runnable on
 * other nodes later) → legs 2 and 3 → disputes → exceptions → finish. Each step
 * is one transaction of set-based SQL, so a failed run restarts cleanly from the failed step.
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileJobConfiguration {

    @Bean
    ReconciliationSql reconciliationSql(DataSource dataSource, Clock clock,
                                        @Value("${settle.recon.work-mem-mb:128}") int workMemMb) {
        return new ReconciliationSql(dataSource, clock, workMemMb);
    }

    @Bean
    Job reconcileJob(JobRepository repository, PlatformTransactionManager tx, ReconciliationSql sql, DataSource dataSource,
                     FencingGuard fencing,
                     @Value("${settle.recon.rule-set-version:v1}") String ruleSetVersion,
                     @Value("${settle.recon.partitions:2}") int partitions,
                     @Value("${settle.recon.threads:2}") int threads) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Step begin = tasklet(repository, tx, fencing, "reconBegin", (contribution, chunk) -> {
            long runId = sql.begin(date(chunk), ruleSetVersion, chunk.getStepContext().getStepExecution().getJobExecutionId());
            chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putLong(ReconcileJob.RUN_ID_KEY, runId);
            return RepeatStatus.FINISHED;
        });
        Step leg1Partition = tasklet(repository, tx, fencing, "reconLeg1", (contribution, chunk) -> {
            int partition = chunk.getStepContext().getStepExecution().getExecutionContext().getInt(ReconcileJob.PARTITION_KEY);
            int rows = sql.leg1(date(chunk), ReconRules.load(jdbc, ruleSetVersion).leg(1), partition, partitions);
            contribution.incrementWriteCount(rows);
            return RepeatStatus.FINISHED;
        });
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("recon-");
        executor.setConcurrencyLimit(threads);
        Step leg1 = new StepBuilder("reconLeg1Partitions", repository)
                .partitioner("reconLeg1", new HashPartitions(ReconcileJob.PARTITION_KEY, partitions))
                .step(leg1Partition).gridSize(partitions).taskExecutor(executor).build();
        Step legs23 = tasklet(repository, tx, fencing, "reconLegs2and3", (contribution, chunk) -> {
            ReconRules rules = ReconRules.load(jdbc, ruleSetVersion);
            contribution.incrementWriteCount(sql.leg2(date(chunk), rules.leg(2)) + sql.leg3(date(chunk), rules.leg(3)));
            return RepeatStatus.FINISHED;
        });
        Step disputes = tasklet(repository, tx, fencing, "reconDisputes", (contribution, chunk) -> {
            sql.disputes(date(chunk));
            return RepeatStatus.FINISHED;
        });
        Step exceptions = tasklet(repository, tx, fencing, "reconExceptions", (contribution, chunk) -> {
            sql.exceptions(date(chunk));
            long runId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                    .getLong(ReconcileJob.RUN_ID_KEY);
            chunk.getStepContext().getStepExecution().getExecutionContext().putString("summary", sql.finish(runId, date(chunk)));
            return RepeatStatus.FINISHED;
        });
        return new JobBuilder(ReconcileJob.NAME, repository)
                .start(begin).next(leg1).next(legs23).next(disputes).next(exceptions).build();
    }

    /** Every reconcile step is one transaction; it first checks the fencing token inside it. */
    private static Step tasklet(JobRepository repository, PlatformTransactionManager tx, FencingGuard fencing, String name,
                                Tasklet tasklet) {
        Tasklet fenced = (contribution, chunk) -> {
            fencing.check(contribution.getStepExecution());
            return tasklet.execute(contribution, chunk);
        };
        return new StepBuilder(name, repository).tasklet(fenced, tx).build();
    }

    private static LocalDate date(ChunkContext chunk) {
        return LocalDate.parse((String) chunk.getStepContext().getJobParameters().get(ReconcileJob.BUSINESS_DATE));
    }
}
