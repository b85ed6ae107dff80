package dev.settle.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.ledger.Ledger;
import dev.settle.localservices.LocalPostgres;
import dev.settle.localservices.LocalRedis;
import dev.settle.localservices.Ports;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;

/** {@code ./settle health}: which services are used, schema version, ledger trial balance. */
@Command(name = "health", description = "Find or start PostgreSQL and Redis, migrate, and print a health summary.")
final class HealthCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return HealthReport.print(LocalServicesBootstrap.databaseName());
    }

    static final class HealthReport {
        private HealthReport() {
        }

        static int print(String database) {
            LocalPostgres pg = LocalPostgres.server();
            try (HikariDataSource ds = LocalServicesBootstrap.migratedDataSource(database)) {
                JdbcTemplate jdbc = new JdbcTemplate(ds);
                String version = jdbc.queryForObject("SELECT max(version) FROM flyway_schema_history WHERE success", String.class);
                System.out.printf("PostgreSQL  %s, database %s, schema version %s%n", pg, database, version);
                LocalRedis redis = LocalServicesBootstrap.redis();
                boolean redisUp = Ports.reachable(redis.host(), redis.port(), 1000);
                System.out.printf("Redis       %s: %s%n", redis, redisUp ? "UP" : "DOWN");
                Ledger ledger = new Ledger(ds, Clock.systemUTC());
                var trial = ledger.trialBalance();
                var unbalanced = ledger.unbalancedCurrencies();
                System.out.printf("Ledger      %d currencies, %s%n", trial.size(),
                        unbalanced.isEmpty() ? "balanced (Σdebits = Σcredits in every currency)" : "UNBALANCED in " + unbalanced);
                return unbalanced.isEmpty() && redisUp ? SettleMain.EXIT_OK : SettleMain.EXIT_INFRASTRUCTURE;
            }
        }
    }
}
