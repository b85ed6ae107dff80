package dev.settle.schedules;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.lock.JobLocks;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.redisson.api.RedissonClient;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The operations layer over the jobs (import it next to {@code JobsConfiguration}): the pipeline,
 * its clustered Quartz schedule, crash recovery at start-up, status, metrics and health.
 *
 * <p>Quartz always uses the JDBC job store on the application's PostgreSQL (tables from Flyway
 * V3; Boot's schema initialisation is never used because Quartz's script drops the tables), is
 * clustered with {@code instanceId=AUTO}, and is named {@code settle}. {@code spring.quartz.properties.*}
 * may override the defaults below. Whether this process fires triggers is
 * {@code spring.quartz.auto-startup} (the CLI sets it false: it edits the store, the nodes fire).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
public class SchedulesConfiguration {

    /** Quartz settings applied unless {@code spring.quartz.properties.*} says otherwise. */
    static final Map<String, String> QUARTZ_DEFAULTS = Map.of(
            "org.quartz.scheduler.instanceId", "AUTO",
            "org.quartz.jobStore.isClustered", "true",
            "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate",
            "org.quartz.jobStore.misfireThreshold", "60000",
            "org.quartz.jobStore.clusterCheckinInterval", "5000",
            "org.quartz.threadPool.threadCount", "2");

    @Bean
    SchedulerFactoryBeanCustomizer settleQuartzJdbcStore(DataSource dataSource, PlatformTransactionManager tx,
                                                        Environment environment) {
        String initializeSchema = environment.getProperty("spring.quartz.jdbc.initialize-schema", "never");
        if (!initializeSchema.equalsIgnoreCase("never")) {
            throw new IllegalStateException("spring.quartz.jdbc.initialize-schema=" + initializeSchema + " is refused: Quartz's "
                    + "script drops the qrtz_* tables (every schedule, in the whole cluster) on each start; the tables come "
                    + "from Flyway (V3). Remove the setting or set it to never.");
        }
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(QUARTZ_DEFAULTS);
            Binder.get(environment).bind("spring.quartz.properties", Bindable.mapOf(String.class, String.class))
                    .ifBound(properties::putAll);
            factory.setQuartzProperties(properties);
            factory.setDataSource(dataSource); // LocalDataSourceJobStore: JDBC store, never initialises the schema
            factory.setTransactionManager(tx);
            factory.setSchedulerName(environment.getProperty("spring.quartz.scheduler-name", "settle"));
            factory.setWaitForJobsToCompleteOnShutdown(false); // a killed run is recovered, not awaited
        };
    }

    @Bean
    PipelineRunner pipelineRunner(JobRunner jobs, JobRepository jobRepository, JobLocks locks, SettleProperties settings,
                                  DataSource dataSource) {
        return new PipelineRunner(jobs, jobRepository, locks, settings, dataSource);
    }

    @Bean
    PipelineStatus pipelineStatus(JobRepository jobRepository, JobLocks locks, DataSource dataSource) {
        return new PipelineStatus(jobRepository, locks, dataSource);
    }

    @Bean
    PipelineSchedules pipelineSchedules(Scheduler scheduler, ScheduleProperties schedule, SettleProperties settings,
                                        DataSource dataSource) {
        return new PipelineSchedules(scheduler, schedule, settings, dataSource);
    }

    /** Registers the configured triggers once the context is built (before the scheduler starts). */
    @Bean
    @ConditionalOnProperty(name = "settle.schedule.register", havingValue = "true", matchIfMissing = true)
    SmartInitializingSingleton pipelineScheduleRegistrar(PipelineSchedules schedules) {
        return () -> {
            try {
                schedules.register();
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException("cannot register the pipeline schedules: " + e.getMessage(), e);
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "settle.recovery.on-startup", havingValue = "true", matchIfMissing = true)
    StartupRecovery startupRecovery(JobRunner jobs, Environment environment) {
        return new StartupRecovery(jobs, environment.getProperty("settle.recovery.retry-delay-ms", Long.class, 35_000L));
    }

    /** Adds MDC keys and job/step meters to every job of the context. */
    @Bean
    static BeanPostProcessor settleJobObservability(ObjectProvider<MeterRegistry> registry) {
        JobObservability listener = new JobObservability(registry);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(listener);
                }
                return bean;
            }
        };
    }

    @Bean
    ReconciliationMetrics settleReconciliationMetrics(DataSource dataSource) {
        return new ReconciliationMetrics(dataSource);
    }

    @Bean
    HealthIndicator settleRedisHealthIndicator(RedissonClient redisson) {
        return OperationsHealth.redis(redisson);
    }

    @Bean
    HealthIndicator settleSftpHealthIndicator(SettleProperties settings) {
        return OperationsHealth.sftp(settings);
    }

    @Bean
    HealthIndicator settleSchedulerHealthIndicator(PipelineSchedules schedules) {
        return OperationsHealth.scheduler(schedules);
    }
}
