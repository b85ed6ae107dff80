package dev.settle.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.zaxxer.hikari.HikariDataSource;
import dev.settle.gateway.merchant.IssuedKey;
import dev.settle.gateway.merchant.Merchants;
import dev.settle.localservices.LocalRedis;
import dev.settle.localservices.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running API for all API test classes (one Spring context): a fresh migrated PostgreSQL
 * database, the real Redis with a random key prefix, a random port. Every log event of the run is
 * captured ({@link #LOG_CAPTURE}) for the card-data scan.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestSupport {

    static final HikariDataSource DATABASE = TestDatabase.fresh("gateway", 4);
    static final String REDIS_PREFIX = "test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    static final StringBuffer LOG_CAPTURE = new StringBuffer();

    /**
     * Attaches the capturing appender to the root logger. Spring Boot resets Logback when the
     * context starts, so this runs before each test rather than once in a static initialiser.
     */
    @BeforeEach
    void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender("test-capture") != null) {
            return;
        }
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                LOG_CAPTURE.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                        .append(event.getFormattedMessage()).append('\n');
                if (event.getThrowableProxy() != null) {
                    LOG_CAPTURE.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
                }
            }
        };
        capture.setName("test-capture");
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);
        context.getLogger("dev.settle").setLevel(Level.DEBUG);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        LocalRedis redis = LocalRedis.server();
        registry.add("spring.datasource.url", DATABASE::getJdbcUrl);
        registry.add("spring.datasource.username", DATABASE::getUsername);
        registry.add("spring.datasource.password", () -> DATABASE.getPassword() == null ? "" : DATABASE.getPassword());
        registry.add("settle.redis.host", redis::host);
        registry.add("settle.redis.port", redis::port);
        registry.add("settle.redis.key-prefix", () -> REDIS_PREFIX);
        registry.add("settle.gateway.migrate-on-start", () -> "false"); // TestDatabase.fresh migrated it
        registry.add("settle.gateway.resolve-interval", () -> "1h"); // tests call the resolver themselves
        registry.add("settle.gateway.resolve-after", () -> "0s");
        registry.add("settle.gateway.rate-limit-per-second", () -> "100000");
        registry.add("settle.gateway.risk.attempts-per-card-max", () -> "100000");
        registry.add("settle.gateway.card-fingerprint-key", () -> "test-fingerprint-key-0123456789");
    }

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected Merchants merchants;
    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** A new merchant's secret key. */
    protected String newMerchantKey(String currency) {
        IssuedKey issued = merchants.create("Test merchant " + UUID.randomUUID().toString().substring(0, 6), currency);
        return issued.secret();
    }

    protected String newMerchantKey() {
        return newMerchantKey("EUR");
    }

    protected static String paymentBody(long amountMinor, String currency, String pan, String reference) {
        return """
                {"amount": %d, "currency": "%s", "reference": "%s",
                 "card": {"number": "%s", "exp_month": 12, "exp_year": 2030, "cvc": "%s"}}"""
                .formatted(amountMinor, currency, reference, pan, pan.startsWith("3") ? "1234" : "123");
    }

    protected static String authorizeOnlyBody(long amountMinor, String pan) {
        return """
                {"amount": %d, "currency": "EUR", "reference": "order-auth", "capture": false,
                 "card": {"number": "%s", "exp_month": 1, "exp_year": 2031, "cvc": "123"}}""".formatted(amountMinor, pan);
    }
}
