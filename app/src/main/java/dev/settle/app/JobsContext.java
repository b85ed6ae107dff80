package dev.settle.app;

import dev.settle.localservices.LocalPostgres;
import dev.settle.localservices.LocalRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Starts {@link SettleJobsApplication} for one CLI command.
 *
 * <p>Configuration, highest precedence first: command-line {@code -Dkey=value} system properties,
 * environment variables ({@code SETTLE_NODE}, {@code SPRING_DATASOURCE_URL}, …), the file given by
 * {@code --config FILE} or {@code SETTLE_CONFIG} (Spring {@code .properties} or {@code .yaml}:
 * {@code settle.sources[n].*}, {@code settle.business-zone}, {@code settle.schedule.*},
 * {@code spring.datasource.*}, {@code settle.redis.address}, …), then the local defaults: without
 * {@code spring.datasource.url} the local PostgreSQL (found or started, database
 * {@code SETTLE_DB_NAME}, default {@code test}); without {@code settle.redis.address} the local Redis.
 *
 * <p>The CLI's Quartz scheduler never fires (it only edits the clustered job store) and it does
 * not run start-up crash recovery; {@code run}/{@code restart} recover the executions they touch.
 */
final class JobsContext {

    private JobsContext() {
    }

    /** {@code --config}, shared by the operations commands. */
    static final class ConfigOption {
        @Option(names = "--config", paramLabel = "FILE",
                description = "Spring properties/YAML file with settle.* settings (default: $SETTLE_CONFIG)")
        Path config;

        Path resolve() {
            if (config != null) {
                return config;
            }
            String env = System.getenv("SETTLE_CONFIG");
            return env == null || env.isBlank() ? null : Path.of(env);
        }
    }

    static ConfigurableApplicationContext open(ConfigOption option) {
        return open(option, Map.of());
    }

    /** @param overrides settings that differ from the CLI defaults (e.g. a scheduler node's) */
    static ConfigurableApplicationContext open(ConfigOption option, Map<String, Object> overrides) {
        Path config = option == null ? null : option.resolve();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.main.web-application-type", "none");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.main.log-startup-info", "false");
        defaults.put("spring.batch.job.enabled", "false");
        defaults.put("spring.batch.jdbc.initialize-schema", "never");
        defaults.put("spring.flyway.enabled", "false"); // JobsConfiguration migrates (SchemaMigrator)
        defaults.put("spring.quartz.auto-startup", "false");
        defaults.put("settle.recovery.on-startup", "false");
        defaults.put("settle.schedule.register", "false");
        String logFormat = System.getProperty("settle.log.format", System.getenv("SETTLE_LOG_FORMAT"));
        if ("json".equalsIgnoreCase(logFormat)) {
            defaults.put("logging.config", "classpath:logback-json.xml");
        }
        defaults.putAll(overrides);
        if (config != null) {
            if (!Files.isReadable(config)) {
                throw new CommandLine.ParameterException(new CommandLine(new SettleMain()),
                        "config file " + config + " is not readable");
            }
            defaults.put("spring.config.additional-location", "optional:file:" + config.toAbsolutePath());
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SettleJobsApplication.class)
                .properties(defaults)
                .listeners(event -> {
                    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
                        addLocalServices(prepared.getEnvironment());
                    }
                });
        return builder.run();
    }

    /** The local PostgreSQL/Redis for whatever the configuration does not name. */
    private static void addLocalServices(ConfigurableEnvironment environment) {
        Map<String, Object> local = new HashMap<>();
        if (!environment.containsProperty("spring.datasource.url")) {
            LocalPostgres pg = LocalPostgres.server();
            String database = LocalServicesBootstrap.databaseName();
            pg.ensureDatabase(database);
            local.put("spring.datasource.url", pg.jdbcUrl(database));
            local.put("spring.datasource.username", pg.user());
            local.put("spring.datasource.password", pg.password());
        }
        if (!environment.containsProperty("settle.redis.address")) {
            local.put("settle.redis.address", LocalRedis.server().uri());
        }
        if (!local.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("settle-local-services", local));
        }
    }
}
