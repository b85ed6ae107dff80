package dev.settle.jobs.settlement;

import dev.settle.jobs.HashPartitions;
import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.lock.FencingGuard;
import dev.settle.ledger.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The settle job: {@code settle} in hash partitions by merchant on parallel threads (one chunk —
 * one transaction — per merchant and currency; a restart continues with the pairs not yet
 * settled) → {@code check} (the day's settlement postings balance in every
 * currency, and each statement's lines sum to its net; statements written as CSV under
 * {@code <work-directory>/statements/<date>/}).
 */
@Configuration(proxyBeanMethods = false)
public class SettlementJobConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Ledger ledger(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        return new Ledger(dataSource, transactionManager, clock);
    }

    @Bean
    MerchantSettlementConfigs merchantSettlementConfigs(DataSource dataSource, Clock clock) {
        return new MerchantSettlementConfigs(dataSource, clock);
    }

    @Bean
    SettlementService settlementService(DataSource dataSource, PlatformTransactionManager tx, Ledger ledger,
                                        MerchantSettlementConfigs configs, Clock clock) {
        return new SettlementService(dataSource, tx, ledger, configs, clock);
    }

    @Bean
    Job settleJob(JobRepository jobRepository, Step settlePartitionsStep, Step settleCheckStep) {
        return new JobBuilder(SettlementJob.NAME, jobRepository).start(settlePartitionsStep).next(settleCheckStep).build();
    }

    /** The pairs in hash partitions by merchant, settled on parallel threads. */
    @Bean
    Step settlePartitionsStep(JobRepository jobRepository, Step settleStep,
                              @Value("${settle.settlement.partitions:2}") int partitions) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("settle-");
        executor.setConcurrencyLimit(partitions);
        return new StepBuilder("settlePartitions", jobRepository)
                .partitioner("settle", new HashPartitions(SettlementJob.PARTITION_KEY, partitions))
                .step(settleStep).gridSize(partitions).taskExecutor(executor).build();
    }

    /** One chunk — one transaction — per merchant and currency; a restart continues with the pairs not yet settled. */
    @Bean
    Step settleStep(JobRepository jobRepository, PlatformTransactionManager tx, SettlementWorkReader settlementWorkReader,
                    SettlementWriter settlementWriter) {
        return new StepBuilder("settle", jobRepository)
                .<SettlementWork, SettlementWork>chunk(1)
                .transactionManager(tx)
                .reader(settlementWorkReader)
                .writer(settlementWriter)
                .build();
    }

    @Bean
    @StepScope
    SettlementWorkReader settlementWorkReader(SettlementService service, DataSource dataSource,
            @Value("#{jobParameters['businessDate']}") String businessDate,
            @Value("#{stepExecutionContext['" + SettlementJob.PARTITION_KEY + "']}") Integer partition,
            @Value("${settle.settlement.partitions:2}") int partitions) {
        return new SettlementWorkReader(service, dataSource, LocalDate.parse(businessDate), partition, partitions);
    }

    @Bean
    @StepScope
    SettlementWriter settlementWriter(SettlementService service, FencingGuard fencing,
            @Value("#{jobParameters['businessDate']}") String businessDate,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        // the concrete type, not ItemWriter: Spring Batch looks for listener annotations on it
        // and warns on every start when a step-scoped bean only says "an ItemWriter"
        return new SettlementWriter(service, fencing, LocalDate.parse(businessDate), stepExecution);
    }

    @Bean
    Step settleCheckStep(JobRepository jobRepository, PlatformTransactionManager tx, DataSource dataSource,
                         Ledger ledger, SettleProperties settings) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new StepBuilder("check", jobRepository).tasklet((contribution, chunkContext) -> {
            LocalDate date = LocalDate.parse((String) chunkContext.getStepContext().getJobParameters().get("businessDate"));
            var unbalanced = ledger.unbalancedCurrencies(jdbc.queryForList(
                    "SELECT posting_reference FROM settlement WHERE business_date = ? AND posting_reference <> ''",
                    String.class, date));
            if (!unbalanced.isEmpty()) {
                throw new IllegalStateException("settlement postings of " + date + " unbalanced in " + unbalanced);
            }
            var wrong = jdbc.queryForList("""
                    SELECT s.id FROM settlement s
                     WHERE s.business_date = ? AND s.net_minor <> (SELECT coalesce(sum(l.amount_minor), 0)
                                                                   FROM settlement_statement_line l WHERE l.settlement_id = s.id)""",
                    String.class, date);
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("statement lines do not sum to the net for " + wrong);
            }
            Path dir = settings.workPath().resolve("statements").resolve(date.toString());
            Files.createDirectories(dir);
            StatementCsv.forEachStored(jdbc, date, null, (id, csv) -> {
                try {
                    Files.writeString(dir.resolve(id + ".csv"), csv);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
