package dev.settle.gateway;

import dev.settle.gateway.acquirer.AcquirerConnector;
import dev.settle.gateway.acquirer.TestAcquirer;
import dev.settle.gateway.api.ApiAuthFilter;
import dev.settle.gateway.api.IdempotencyFilter;
import dev.settle.gateway.card.CardFingerprinter;
import dev.settle.gateway.card.CardValidator;
import dev.settle.gateway.idempotency.IdempotencyStore;
import dev.settle.gateway.merchant.Merchants;
import dev.settle.gateway.payment.Payments;
import dev.settle.gateway.risk.RateLimiter;
import dev.settle.gateway.risk.RedisCounters;
import dev.settle.gateway.risk.VelocityRules;
import dev.settle.ledger.Ledger;
import dev.settle.schema.SchemaMigrator;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import javax.sql.DataSource;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's beans. Defaults live in {@code gateway-defaults.properties}; every one can be overridden. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
@EnableScheduling
@PropertySource("classpath:dev/settle/gateway/gateway-defaults.properties")
public class GatewayConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConfiguration.class);

    /** Migrates the database as soon as the DataSource exists, before any bean uses it. */
    @Bean
    static BeanPostProcessor migrateDatabaseOnStart(@Value("${settle.gateway.migrate-on-start:true}") boolean migrate) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (migrate && bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
                    int applied = SchemaMigrator.migrate(dataSource);
                    LOG.info("schema migrated ({} migrations applied)", applied);
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(@Value("${settle.redis.host}") String host, @Value("${settle.redis.port}") int port,
            @Value("${settle.redis.password:}") String password) {
        Config config = new Config();
        var server = config.useSingleServer().setAddress("redis://" + host + ":" + port)
                .setConnectionMinimumIdleSize(4).setConnectionPoolSize(32).setTimeout(2000);
        if (!password.isEmpty()) {
            server.setPassword(password);
        }
        return Redisson.create(config);
    }

    @Bean
    RedisCounters redisCounters(RedissonClient redisson, @Value("${settle.redis.key-prefix}") String keyPrefix) {
        return new RedisCounters(redisson, keyPrefix);
    }

    @Bean
    VelocityRules velocityRules(RedisCounters counters, GatewayProperties properties, Clock clock) {
        return new VelocityRules(counters, properties, clock);
    }

    @Bean
    RateLimiter rateLimiter(RedisCounters counters, GatewayProperties properties, Clock clock) {
        return new RateLimiter(counters, properties::getRateLimitPerSecond, clock);
    }

    @Bean
    CardValidator cardValidator(GatewayProperties properties, Clock clock) {
        if (properties.getCardFingerprintKey().equals(new GatewayProperties().getCardFingerprintKey())) {
            LOG.warn("settle.gateway.card-fingerprint-key is the development default; set a secret in production");
        }
        return new CardValidator(new CardFingerprinter(properties.getCardFingerprintKey()), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    AcquirerConnector acquirerConnector() {
        return new TestAcquirer();
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    Ledger ledger(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        return new Ledger(dataSource, transactionManager, clock);
    }

    @Bean
    Merchants merchants(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        return new Merchants(jdbc, tx, clock);
    }

    /**
     * Idempotency bookkeeping commits without waiting for the WAL flush (its own small pool with
     * {@code synchronous_commit = off}): a claim is made durable by the payment insert that follows
     * it (the WAL is flushed in order), and a lost completion only leaves the key in flight, which
     * the same request takes over later and answers from the payment it created. This removes two of
     * the four flush waits of a create-and-capture.
     */
    @Bean
    IdempotencyStore idempotencyStore(DataSource dataSource, Clock clock, GatewayProperties properties) {
        DataSource bookkeeping = dataSource;
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource main) {
            com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
            pool.setJdbcUrl(main.getJdbcUrl());
            pool.setUsername(main.getUsername());
            pool.setPassword(main.getPassword());
            pool.setMaximumPoolSize(Math.max(4, main.getMaximumPoolSize() / 2));
            pool.setPoolName("settle-idempotency");
            pool.setConnectionInitSql("SET synchronous_commit = off");
            bookkeeping = pool;
        }
        return new IdempotencyStore(new JdbcTemplate(bookkeeping), clock, properties.getIdempotencyRetention(),
                properties.getIdempotencyInFlightTimeout());
    }

    @Bean
    Payments payments(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate tx, Ledger ledger, AcquirerConnector acquirer,
            CardValidator cardValidator, VelocityRules velocity, GatewayProperties properties, MeterRegistry meters,
            Clock clock) {
        return new Payments(jdbc, json, tx, ledger, acquirer, cardValidator, velocity, properties, meters, clock);
    }

    @Bean
    GatewayTasks gatewayTasks(Payments payments, IdempotencyStore idempotency) {
        return new GatewayTasks(payments, idempotency);
    }

    @Bean
    FilterRegistrationBean<ApiAuthFilter> apiAuthFilter(Merchants merchants, RateLimiter rateLimiter, GatewayProperties properties) {
        FilterRegistrationBean<ApiAuthFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthFilter(merchants, rateLimiter, properties.getRequestBodyMaxBytes()));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(store));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 101);
        return registration;
    }

    @Bean
    AbstractHealthIndicator redisHealthIndicator(RedissonClient redisson, @Value("${settle.redis.key-prefix}") String keyPrefix) {
        return new AbstractHealthIndicator("Redis health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                redisson.getBucket(keyPrefix + "health").isExists();
                builder.up().withDetail("server", redisson.getConfig().useSingleServer().getAddress());
            }
        };
    }

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Settle gateway API").version("v1")
                        .description("Merchant payment API: create, capture, void and refund card payments. Amounts are "
                                + "integer minor units; every POST takes an Idempotency-Key."))
                // a fixed server, so the document does not change with the port it is served on
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url("http://localhost:8080")
                        .description("./settle serve")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("The merchant's secret key (sk_...)")));
    }
}
