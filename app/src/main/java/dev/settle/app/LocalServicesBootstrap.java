package dev.settle.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.LocalPostgres;
import dev.settle.localservices.LocalRedis;
import dev.settle.schema.SchemaMigrator;

/**
 * Finds or starts the services a local command needs: the configured PostgreSQL and Redis when
 * they answer, else embedded ones (see {@link LocalPostgres}, {@link LocalRedis}); creates the
 * database if missing and migrates it.
 */
final class LocalServicesBootstrap {

    private LocalServicesBootstrap() {
    }

    /** Database name: {@code SETTLE_DB_NAME} / {@code -Dsettle.db.name}, default {@code test}. */
    static String databaseName() {
        String name = System.getProperty("settle.db.name", System.getenv("SETTLE_DB_NAME"));
        return name == null || name.isBlank() ? "test" : name;
    }

    static HikariDataSource migratedDataSource(String database) {
        LocalPostgres pg = LocalPostgres.server();
        pg.ensureDatabase(database);
        HikariDataSource dataSource = pg.dataSource(database, 10);
        SchemaMigrator.migrate(dataSource);
        return dataSource;
    }

    static LocalRedis redis() {
        return LocalRedis.server();
    }
}
