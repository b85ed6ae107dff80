package dev.settle.jobs;

import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.ingest.IngestJobConfiguration;
import dev.settle.jobs.reconcile.ReconcileJobConfiguration;
import dev.settle.jobs.payout.PayoutJobConfiguration;
import dev.settle.jobs.settlement.SettlementJobConfiguration;
import dev.settle.jobs.lock.FencingGuard;
import dev.settle.jobs.lock.JobLocks;
import dev.settle.formats.FileFormat;
import dev.settle.readerswriters.inbound.AdyenSdrParser;
import dev.settle.readerswriters.inbound.CamtParser;
import dev.settle.readerswriters.inbound.Mt940Parser;
import dev.settle.readerswriters.inbound.InboundParsers;
import dev.settle.schema.SchemaMigrator;
import java.time.Clock;
import javax.sql.DataSource;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything the nightly jobs need besides Boot's Batch auto-configuration: settings, clock,
 * schema migration, Redis locks, the inbound parsers and the jobs themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SettleProperties.class)
@Import({IngestJobConfiguration.class, ReconcileJobConfiguration.class, SettlementJobConfiguration.class,
        PayoutJobConfiguration.class})
public class JobsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Brings the database to the current schema before any job touches it (Flyway; idempotent). */
    @Bean
    SchemaReady schemaReady(DataSource dataSource) {
        SchemaMigrator.migrate(dataSource);
        return new SchemaReady();
    }

    /** Marker bean: the schema was migrated. */
    public static final class SchemaReady {
    }

    /**
     * Redisson connects lazily, so the application starts without Redis; taking a job lock then
     * fails (fail closed) with a clear message instead of the whole context failing.
     */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean
    RedissonClient redissonClient(@Value("${settle.redis.address:redis://${settle.redis.host:127.0.0.1}:${settle.redis.port:6379}}") String address,
                                  @Value("${settle.redis.timeout-ms:3000}") int timeoutMs,
                                  @Value("${settle.redis.lock-watchdog-timeout-ms:30000}") long lockWatchdogTimeoutMs) {
        Config config = new Config();
        config.setLazyInitialization(true);
        // a dead node's locks expire after this; its watchdog renews them every third of it while it lives
        config.setLockWatchdogTimeout(lockWatchdogTimeoutMs);
        config.useSingleServer().setAddress(address).setConnectTimeout(timeoutMs).setTimeout(timeoutMs)
                .setRetryAttempts(1).setConnectionMinimumIdleSize(1).setConnectionPoolSize(4);
        return Redisson.create(config);
    }

    @Bean
    JobLocks jobLocks(RedissonClient redisson, SettleProperties settings, Clock clock, DataSource dataSource,
                      @Value("${settle.lock.namespace:}") String namespace) throws java.sql.SQLException {
        if (namespace.isBlank()) {
            try (java.sql.Connection connection = dataSource.getConnection()) {
                namespace = connection.getCatalog(); // the database name: one lock space per database
            }
        }
        return new JobLocks(redisson, settings.node(), clock, namespace);
    }

    @Bean
    FencingGuard fencingGuard(DataSource dataSource, Clock clock, SchemaReady schemaReady) {
        return new FencingGuard(dataSource, clock);
    }

    @Bean
    InboundParsers inboundParsers() {
        return new InboundParsers(java.util.List.of(new AdyenSdrParser(), new CamtParser(FileFormat.CAMT053),
                new CamtParser(FileFormat.CAMT054), new Mt940Parser()));
    }

    @Bean
    JobRunner jobRunner(org.springframework.batch.core.launch.JobOperator jobOperator,
                        org.springframework.batch.core.repository.JobRepository jobRepository,
                        java.util.List<org.springframework.batch.core.job.Job> jobs, JobLocks locks,
                        FencingGuard fencing, SettleProperties settings) {
        return new JobRunner(jobOperator, jobRepository, jobs, locks, fencing, settings.node());
    }
}
