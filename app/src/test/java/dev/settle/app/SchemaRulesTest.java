package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rules over the fully migrated schema: money is never stored in a floating-point or decimal column. */
class SchemaRulesTest {

    static HikariDataSource dataSource;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        dataSource = TestDatabase.fresh("schema_rules", 2);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void no_column_is_floating_point() {
        List<String> floating = jdbc.queryForList("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                 WHERE table_schema = 'public' AND data_type IN ('real', 'double precision')""", String.class);
        assertThat(floating).isEmpty();
    }

    @Test
    void every_amount_column_is_bigint_minor_units() {
        List<String> wrong = jdbc.queryForList("""
                SELECT c.table_name || '.' || c.column_name || ' ' || c.data_type FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                   AND (c.column_name LIKE '%amount%' OR c.column_name LIKE '%\\_minor' OR c.column_name LIKE '%fee%'
                        OR c.column_name LIKE '%balance%')
                   AND c.data_type NOT IN ('bigint', 'text', 'character', 'character varying', 'boolean', 'date', 'integer')
                """, String.class);
        assertThat(wrong).isEmpty();
        assertThat(jdbc.queryForObject("""
                SELECT data_type FROM information_schema.columns WHERE table_name = 'ledger_line' AND column_name = 'amount_minor'""",
                String.class)).isEqualTo("bigint");
    }

    @Test
    void batch_and_quartz_tables_exist_after_migration() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'batch\\_%'", Integer.class))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'", Integer.class))
                .isEqualTo(11);
    }
}
