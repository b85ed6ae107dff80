package dev.settle.jobs.settlement;

import dev.settle.jobs.config.SettleProperties;
import dev.settle.ledger.Ledger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The settle job: {@code settle} (one chunk — one transaction — per merchant and currency; a
 * restart continues with the pairs not yet settled) → {@code check} (the ledger balances in every
 * currency, and each statement's lines sum to its net; statements written as CSV under
 * {@code <work-directory>/statements/<date>/}).
 */
@Configuration(proxyBeanMethods = false)
public class SettlementJobConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementJobConfiguration.class);

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
    Job settleJob(JobRepository jobRepository, Step settleStep, Step settleCheckStep) {
        return new JobBuilder(SettlementJob.NAME, jobRepository).start(settleStep).next(settleCheckStep).build();
    }

    @Bean
    Step settleStep(JobRepository jobRepository, PlatformTransactionManager tx,
                    ListItemReader<SettlementService.Key> settlementKeyReader,
                    ItemWriter<SettlementService.Key> settlementWriter) {
        return new StepBuilder("settle", jobRepository)
                .<SettlementService.Key, SettlementService.Key>chunk(1)
                .transactionManager(tx)
                .reader(settlementKeyReader)
                .writer(settlementWriter)
                .build();
    }

    @Bean
    @StepScope
    ListItemReader<SettlementService.Key> settlementKeyReader(SettlementService service,
            @Value("#{jobParameters['businessDate']}") String businessDate) {
        return new ListItemReader<>(service.candidates(LocalDate.parse(businessDate)));
    }

    @Bean
    @StepScope
    ItemWriter<SettlementService.Key> settlementWriter(SettlementService service,
            @Value("#{jobParameters['businessDate']}") String businessDate,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        LocalDate date = LocalDate.parse(businessDate);
        return chunk -> {
            for (SettlementService.Key key : chunk) {
                SettlementService.Outcome outcome = service.settle(key, date);
                var ctx = stepExecution.getExecutionContext();
                ctx.putLong("outcome." + outcome, ctx.getLong("outcome." + outcome, 0L) + 1);
                if (outcome == SettlementService.Outcome.LATER_DATE_EXISTS) {
                    LOG.warn("{} {} not settled for {}: a settlement for a later date exists", key.merchantId(),
                            key.currency(), date);
                }
            }
        };
    }

    @Bean
    Step settleCheckStep(JobRepository jobRepository, PlatformTransactionManager tx, DataSource dataSource,
                         Ledger ledger, SettleProperties settings) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new StepBuilder("check", jobRepository).tasklet((contribution, chunkContext) -> {
            LocalDate date = LocalDate.parse((String) chunkContext.getStepContext().getJobParameters().get("businessDate"));
            var unbalanced = ledger.unbalancedCurrencies();
            if (!unbalanced.isEmpty()) {
                throw new IllegalStateException("ledger unbalanced after settlement in " + unbalanced);
            }
            var wrong = jdbc.queryForList("""
                    SELECT s.id FROM settlement s
                     WHERE s.business_date = ? AND s.net_minor <> (SELECT coalesce(sum(l.amount_minor), 0)
                                                                   FROM settlement_line l WHERE l.settlement_id = s.id)""",
                    String.class, date);
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("statement lines do not sum to the net for " + wrong);
            }
            Path dir = settings.workPath().resolve("statements").resolve(date.toString());
            Files.createDirectories(dir);
            jdbc.query("SELECT id, statement_csv FROM settlement WHERE business_date = ? ORDER BY id", rs -> {
                try {
                    Files.writeString(dir.resolve(rs.getString(1) + ".csv"), rs.getString(2));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, date);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
