package dev.settle.localservices;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.schema.SchemaMigrator;

/**
 * A fresh, fully migrated database on {@link LocalPostgres} for one test class or run: its own
 * name, so concurrent runs and test classes never see each other's rows; dropped at JVM exit.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Creates and migrates a database named {@code <prefix>_<random>}; the pool holds {@code poolSizeMax}. */
    public static HikariDataSource fresh(String prefix, int poolSizeMax) {
        LocalPostgres server = LocalPostgres.server();
        String name = server.createDatabase(prefix, true);
        HikariDataSource dataSource = server.dataSource(name, poolSizeMax);
        SchemaMigrator.migrate(dataSource);
        return dataSource;
    }

    public static HikariDataSource fresh(String prefix) {
        return fresh(prefix, 10);
    }
}
