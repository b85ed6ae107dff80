package dev.settle.app.demo;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.app.server.SettleServerApplication;
import dev.settle.gateway.merchant.IssuedKey;
import dev.settle.gateway.merchant.Merchants;
import dev.settle.app.SettleJobsApplication;
import dev.settle.schedules.PipelineSchedules;
import dev.settle.jobs.settlement.MerchantSettlementConfig;
import dev.settle.jobs.settlement.MerchantSettlementConfigs;
import dev.settle.jobs.settlement.SettlementTerms;
import dev.settle.jobs.simulation.GatewayEmulator;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.RoundingRule;
import dev.settle.localservices.EmbeddedSftpServer;
import dev.settle.localservices.LocalPostgres;
import dev.settle.localservices.LocalRedis;
import dev.settle.localservices.Ports;
import dev.settle.schema.SchemaMigrator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One business day of the demo, from services to the finance summary. */
public final class DemoDay {

    static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY", "KWD");

    private final String database;
    private final Path work;
    private final int paymentsPerMerchant;
    private final PrintStream out = System.out;

    public DemoDay(String database, Path workDirectory, int paymentsPerMerchant) {
        this.database = database;
        this.work = workDirectory.toAbsolutePath();
        this.paymentsPerMerchant = paymentsPerMerchant;
    }

    /** The business day after the last demo day. */
    public LocalDate nextDay() throws IOException {
        Properties state = state();
        String last = state.getProperty("lastDay");
        if (last == null) {
            throw new IllegalStateException("no previous demo in " + work + ": run ./settle demo first");
        }
        return LocalDate.parse(last).plusDays(1);
    }

    /** @return true when everything balanced */
    public boolean run(LocalDate day, boolean fresh) throws Exception {
        if (System.getProperty("settle.pg.data-directory") == null && System.getenv("SETTLE_PG_DATA_DIRECTORY") == null) {
            // when PostgreSQL has to be embedded, keep its data beside the demo's files so --next-day finds yesterday
            System.setProperty("settle.pg.data-directory", work.resolveSibling("pgdata").toString());
        }
        LocalPostgres pg = LocalPostgres.server();
        LocalRedis redis = LocalRedis.server();
        if (fresh) {
            pg.dropDatabase(database);
            deleteRecursively(work);
        }
        Files.createDirectories(work);
        pg.ensureDatabase(database);
        out.printf("Settle demo, business date %s%n  PostgreSQL: %s (database %s)%n  Redis: %s%n", day, pg, database, redis);
        try (HikariDataSource dataSource = pg.dataSource(database, 8);
             EmbeddedSftpServer sftp = EmbeddedSftpServer.start(work.resolve("sftp"), work.resolve("keys"), 0)) {
            SchemaMigrator.migrate(dataSource);
            out.printf("  SFTP (gateway and bank): %s:%d, root %s%n", sftp.host(), sftp.port(), sftp.root());
            Clock clock = Clock.offset(Clock.systemUTC(),
                    Duration.between(Clock.systemUTC().instant(), day.atTime(9, 0).toInstant(ZoneOffset.UTC)));

            Map<String, String> keys = merchants(dataSource, clock, fresh);
            int port = Ports.freePort();
            try (ConfigurableApplicationContext api = new SpringApplicationBuilder(SettleServerApplication.class)
                    .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                    .run(asArguments(apiProperties(pg, redis, port)))) {
                out.printf("%nPayment API on http://127.0.0.1:%d — driving the day's payments over HTTP...%n", port);
                DemoTraffic traffic = new DemoTraffic("http://127.0.0.1:" + port);
                for (String currency : CURRENCIES) {
                    traffic.drive(keys.get(currency), currency, paymentsPerMerchant, day.toEpochDay() * 31 + currency.hashCode(),
                            day.toString());
                }
                traffic.tally.forEach((what, n) -> out.printf("  %-36s %d%n", what, n));
            }

            out.println();
            out.println("The gateway and the bank publish their files (with a few discrepancies):");
            List<String> planted = new GatewayEmulator(dataSource).emulate(day,
                    sftp.root().resolve("gateway/reports/settlement_detail_report_batch_" + day + ".csv"),
                    sftp.root().resolve("bank/statements/camt053_" + day + ".xml"), true);
            planted.forEach(p -> out.println("  - " + p));

            out.println();
            out.println("Nightly pipeline:");
            try (ConfigurableApplicationContext jobs = new SpringApplicationBuilder(SettleJobsApplication.class)
                    .web(WebApplicationType.NONE)
                    .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                    .run(asArguments(jobProperties(pg, redis, sftp)))) {
                runPipeline(jobs, day);
            }
            boolean balanced = new DemoSummary(dataSource).print(day, out);
            Properties state = state();
            state.setProperty("lastDay", day.toString());
            saveState(state);
            out.println();
            out.println("Next: ./settle demo --next-day   (late lines clear today's exceptions)");
            out.println("      " + exceptionsCommand(database, pg.embedded() ? System.getProperty("settle.pg.data-directory") : null));
            return balanced;
        }
    }

    /**
     * The command that lists the demo's open exceptions. With an embedded PostgreSQL the demo's
     * data live in its own data directory, which every other command must be told about: without
     * it a command starts an empty, temporary cluster and finds no exceptions at all.
     */
    public static String exceptionsCommand(String database, String embeddedDataDirectory) {
        String dataDirectory = embeddedDataDirectory == null ? "" : "SETTLE_PG_DATA_DIRECTORY=" + embeddedDataDirectory + " ";
        return dataDirectory + "SETTLE_DB_NAME=" + database + " ./settle exceptions list --status OPEN";
    }

    /**
     * Fires the nightly pipeline for {@code day} through the scheduler, as a manual Quartz trigger
     * would in production ({@code ./settle schedules trigger --date D}), and waits for it.
     */
    private void runPipeline(ConfigurableApplicationContext jobs, LocalDate day) throws Exception {
        long t0 = System.nanoTime();
        PipelineSchedules schedules = jobs.getBean(PipelineSchedules.class);
        String trigger = schedules.trigger(day);
        out.printf("  Quartz trigger %s fired the pipeline for %s%n", trigger, day);
        JdbcTemplate jdbc = new JdbcTemplate(jobs.getBean(javax.sql.DataSource.class));
        long deadline = System.currentTimeMillis() + 10 * 60_000;
        List<Map<String, Object>> stages = List.of();
        while (System.currentTimeMillis() < deadline) {
            stages = jdbc.queryForList("""
                    SELECT i.job_name, coalesce(max(p.parameter_value) FILTER (WHERE p.parameter_name = 'source'), '') AS source,
                           e.status, extract(epoch FROM e.end_time - e.start_time) * 1000 AS ms
                      FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                      JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                     WHERE e.job_execution_id IN (SELECT job_execution_id FROM batch_job_execution_params
                                                   WHERE parameter_name = 'businessDate' AND parameter_value = ?)
                     GROUP BY e.job_execution_id, i.job_name, e.status, e.start_time, e.end_time ORDER BY e.start_time""",
                    day.toString());
            boolean payoutDone = stages.stream().anyMatch(s -> "payout".equals(s.get("job_name")) && "COMPLETED".equals(s.get("status")));
            boolean failed = stages.stream().anyMatch(s -> "FAILED".equals(s.get("status")));
            if ((payoutDone || failed) && schedules.firingEnded(trigger)) {
                break;
            }
            Thread.sleep(200);
        }
        for (Map<String, Object> s : stages) {
            String label = s.get("job_name") + (((String) s.get("source")).isEmpty() ? "" : " " + s.get("source"));
            Object ms = s.get("ms");
            out.printf("  %-24s %-10s %6s ms%n", label, s.get("status"), ms == null ? "-" : ((Number) ms).longValue());
            if ("FAILED".equals(s.get("status"))) {
                throw new IllegalStateException(label + " failed; see ./settle status --date " + day);
            }
        }
        out.printf("  pipeline done in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    private Map<String, String> merchants(HikariDataSource dataSource, Clock clock, boolean fresh) throws IOException {
        Properties state = state();
        Map<String, String> keys = new LinkedHashMap<>();
        Merchants merchants = new Merchants(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
        out.println("Merchants:");
        for (String currency : CURRENCIES) {
            String key = state.getProperty("merchant." + currency + ".key");
            if (fresh || key == null) {
                IssuedKey issued = merchants.create("Demo shop " + currency, currency);
                key = issued.secret();
                state.setProperty("merchant." + currency + ".id", issued.key().merchantId());
                state.setProperty("merchant." + currency + ".key", key);
                settlementTerms(dataSource, clock).save(payoutAccount(issued.key().merchantId(), currency), "demo");
            }
            keys.put(currency, key);
            out.printf("  %s  %s%n", state.getProperty("merchant." + currency + ".id"), currency);
        }
        saveState(state);
        return keys;
    }

    private static MerchantSettlementConfigs settlementTerms(HikariDataSource dataSource, Clock clock) {
        return new MerchantSettlementConfigs(dataSource, clock);
    }

    /**
     * Pricing 2.90 % + 0.25 (in the currency's minor units: 25) per capture, a 10 % rolling reserve
     * held 7 days for the EUR shop; USD paid by NACHA, EUR and JPY by pain.001, KWD by CSV.
     */
    static MerchantSettlementConfig payoutAccount(String merchantId, String currency) {
        CurrencyUnit c = CurrencyUnit.of(currency);
        SettlementTerms terms = new SettlementTerms(c, 290, Money.ofMinor(25, c), Money.ofMinor(15, c), Money.ofMinor(1500, c),
                Money.zero(c), RoundingRule.HALF_EVEN, currency.equals("EUR") ? 1000 : 0, 7, Money.ofMinor(100, c));
        String name = "Demo shop " + currency;
        return switch (currency) {
            case "USD" -> new MerchantSettlementConfig(merchantId, terms, "NACHA", "default", "DEMO SHOP USD", null, null,
                    "021000021", "123456789", "checking", "repay");
            case "KWD" -> new MerchantSettlementConfig(merchantId, terms, "CSV", "default", name,
                    "KW81CBKU0000000000001234560101", "CBKUKWKW", null, null, null, "repay");
            default -> new MerchantSettlementConfig(merchantId, terms, "PAIN001", "default", name,
                    "FR1420041010050500013M02606", "BNPAFRPPXXX", null, null, null, "repay");
        };
    }

    private Map<String, Object> apiProperties(LocalPostgres pg, LocalRedis redis, int port) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", port);
        p.put("spring.main.banner-mode", "off");
        p.put("spring.datasource.url", pg.jdbcUrl(database));
        p.put("spring.datasource.username", pg.user());
        p.put("spring.datasource.password", pg.password());
        p.put("settle.redis.host", redis.host());
        p.put("settle.redis.port", redis.port());
        p.put("settle.redis.key-prefix", "demo-" + System.nanoTime() + ":");
        p.put("logging.level.root", "WARN");
        return p;
    }

    private Map<String, Object> jobProperties(LocalPostgres pg, LocalRedis redis, EmbeddedSftpServer sftp) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.main.banner-mode", "off");
        p.put("spring.datasource.url", pg.jdbcUrl(database));
        p.put("spring.datasource.username", pg.user());
        p.put("spring.datasource.password", pg.password());
        p.put("spring.batch.job.enabled", "false");
        p.put("spring.batch.jdbc.initialize-schema", "never");
        p.put("settle.redis.host", redis.host());
        p.put("settle.redis.port", redis.port());
        p.put("settle.node", "demo");
        p.put("settle.work-directory", work.resolve("jobs").toString());
        p.put("settle.recon.rule-set-version", "immediate");
        p.put("spring.quartz.auto-startup", "true");
        p.put("settle.schedule.cron", "0 30 2 * * ?");
        p.put("logging.level.root", "WARN");
        String[][] sources = {{"adyen", "gateway", "adyen-sdr", "/gateway/reports", "settlement_detail_report_.*\\.csv"},
                {"bank", "bank", "camt053", "/bank/statements", "camt053_.*\\.xml"}};
        for (int i = 0; i < sources.length; i++) {
            String k = "settle.sources[" + i + "].";
            p.put(k + "name", sources[i][0]);
            p.put(k + "kind", sources[i][1]);
            p.put(k + "format", sources[i][2]);
            p.put(k + "host", sftp.host());
            p.put(k + "port", sftp.port());
            p.put(k + "user", sftp.user());
            p.put(k + "private-key", sftp.clientPrivateKeyFile().toString());
            p.put(k + "known-hosts", sftp.knownHostsFile().toString());
            p.put(k + "remote-directory", sources[i][3]);
            p.put(k + "file-pattern", sources[i][4]);
            p.put(k + "after-success", "archive");
        }
        String b = "settle.payout.banks[0].";
        p.put(b + "name", "default");
        p.put(b + "host", sftp.host());
        p.put(b + "port", sftp.port());
        p.put(b + "user", sftp.user());
        p.put(b + "private-key", sftp.clientPrivateKeyFile().toString());
        p.put(b + "known-hosts", sftp.knownHostsFile().toString());
        p.put(b + "outbox-directory", "/bank/outbox");
        p.put(b + "nacha-immediate-destination", "091000019");
        p.put(b + "nacha-immediate-origin", "1234567890");
        p.put(b + "nacha-company-id", "1234567890");
        p.put(b + "nacha-odfi-routing", "091000019");
        p.put(b + "debtor-name", "Settle Demo Ltd");
        p.put(b + "debtor-iban", "DE89370400440532013000");
        p.put(b + "debtor-bic", "COBADEFFXXX");
        return p;
    }

    /**
     * Command-line form, the highest precedence: a module's own defaults (e.g. the gateway's
     * {@code @PropertySource}) must never override where the demo points it.
     */
    private static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private Properties state() throws IOException {
        Properties state = new Properties();
        Path file = work.resolve("state.properties");
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                state.load(r);
            }
        }
        return state;
    }

    private void saveState(Properties state) throws IOException {
        Files.createDirectories(work);
        try (Writer w = Files.newBufferedWriter(work.resolve("state.properties"))) {
            state.store(w, "Settle demo state: last business day and the demo merchants' keys (demo only)");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
