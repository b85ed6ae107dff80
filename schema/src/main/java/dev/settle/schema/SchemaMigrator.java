package dev.settle.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database to the current schema. Idempotent: safe to call on every start. */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /** Applies pending migrations; returns how many were applied. */
    public static int migrate(DataSource dataSource) {
        return flyway(dataSource).migrate().migrationsExecuted;
    }
}
