package db.migration;

import dev.settle.schema.ClasspathSqlMigration;

/**
 * Quartz's JDBC job store tables, from the script inside the quartz jar. That script starts by
 * dropping every QRTZ_ table; run at start-up (spring.quartz.jdbc.initialize-schema=always) it would
 * wipe the schedules of a running cluster, so here the DROP statements are skipped and Flyway runs
 * it exactly once.
 */
public class V3__quartz_tables extends ClasspathSqlMigration {
    public V3__quartz_tables() {
        super("org/quartz/impl/jdbcjobstore/tables_postgres.sql", true);
    }
}
