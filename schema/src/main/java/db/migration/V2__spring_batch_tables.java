package db.migration;

import dev.settle.schema.ClasspathSqlMigration;

/**
 * Spring Batch's JDBC job repository tables, from the script inside the spring-batch-core jar on
 * the classpath, so they always match the Batch version Settle runs (6.0.x).
 */
public class V2__spring_batch_tables extends ClasspathSqlMigration {
    public V2__spring_batch_tables() {
        super("org/springframework/batch/core/schema-postgresql.sql", false);
    }
}
