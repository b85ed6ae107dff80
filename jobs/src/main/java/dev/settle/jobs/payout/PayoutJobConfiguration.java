package dev.settle.jobs.payout;

import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.ingest.FileRegistry;
import dev.settle.jobs.settlement.MerchantSettlementConfigs;
import dev.settle.ledger.Ledger;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The payout job: {@code returns} (apply bank returns) → {@code create} (one payout per PAYABLE
 * settlement of the date) → {@code files} (one file per bank and format, totals asserted, stored)
 * → {@code upload} (APPROVED files to the bank outbox) → {@code check} (ledger balanced; each
 * payout equals its statement's lines). Every step is idempotent, so a restart or a rerun of the
 * date creates no second payout or file.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutProperties.class)
public class PayoutJobConfiguration {

    @Bean
    PayoutService payoutService(DataSource dataSource, PlatformTransactionManager tx, Ledger ledger,
                                MerchantSettlementConfigs configs, PayoutProperties settings, Clock clock) {
        return new PayoutService(dataSource, tx, ledger, configs, settings, clock);
    }

    @Bean
    PayoutReturns payoutReturns(DataSource dataSource, PlatformTransactionManager tx, Ledger ledger, Clock clock) {
        return new PayoutReturns(dataSource, tx, ledger, clock);
    }

    @Bean
    PayoutAdmin payoutAdmin(DataSource dataSource, Clock clock) {
        return new PayoutAdmin(dataSource, clock);
    }

    @Bean
    Job payoutJob(JobRepository jobRepository, PlatformTransactionManager tx, PayoutProperties payout,
                  SettleProperties settings, FileRegistry registry, PayoutReturns returns, PayoutService service,
                  DataSource dataSource, Ledger ledger, Clock clock) {
        Step returnsStep = new StepBuilder("returns", jobRepository)
                .tasklet(new ReturnsTasklet(payout, settings, registry, returns, dataSource, clock), tx).build();
        Step create = new StepBuilder("create", jobRepository).tasklet((contribution, chunk) -> {
            int n = service.createPayouts(date(chunk));
            chunk.getStepContext().getStepExecution().getExecutionContext().putLong("payouts.created", n);
            return RepeatStatus.FINISHED;
        }, tx).build();
        Step files = new StepBuilder("files", jobRepository).tasklet((contribution, chunk) -> {
            var ids = service.writeFiles(date(chunk), settings.workPath().resolve("outbox"));
            chunk.getStepContext().getStepExecution().getExecutionContext().putString("files.written", String.join(",", ids));
            return RepeatStatus.FINISHED;
        }, tx).build();
        Step upload = new StepBuilder("upload", jobRepository).tasklet((contribution, chunk) -> {
            chunk.getStepContext().getStepExecution().getExecutionContext().putLong("files.uploaded", service.upload());
            return RepeatStatus.FINISHED;
        }, tx).build();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Step check = new StepBuilder("check", jobRepository).tasklet((contribution, chunk) -> {
            var unbalanced = ledger.unbalancedCurrencies(jdbc.queryForList(
                    "SELECT posting_reference FROM payout WHERE business_date = ?", String.class, date(chunk)));
            if (!unbalanced.isEmpty()) {
                throw new IllegalStateException("payout postings of " + date(chunk) + " unbalanced in " + unbalanced);
            }
            var wrong = jdbc.queryForList("""
                    SELECT p.id FROM payout p JOIN settlement s ON s.id = p.settlement_id
                     WHERE p.business_date = ? AND (p.amount_minor <> s.payout_minor OR p.amount_minor <>
                           (SELECT coalesce(sum(l.amount_minor), 0) FROM settlement_statement_line l WHERE l.settlement_id = s.id))""",
                    String.class, date(chunk));
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("payouts differ from their statements: " + wrong);
            }
            return RepeatStatus.FINISHED;
        }, tx).build();
        return new JobBuilder(PayoutJob.NAME, jobRepository).start(returnsStep).next(create).next(files).next(upload)
                .next(check).build();
    }

    private static LocalDate date(org.springframework.batch.core.scope.context.ChunkContext chunk) {
        return LocalDate.parse((String) chunk.getStepContext().getJobParameters().get(PayoutJob.BUSINESS_DATE));
    }
}
