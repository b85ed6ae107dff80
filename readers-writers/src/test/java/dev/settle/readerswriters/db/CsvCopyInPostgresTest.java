package dev.settle.readerswriters.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** What PostgreSQL stores from the rows {@link CsvCopyIn} sends: every value comes back as it went in. */
class CsvCopyInPostgresTest {

    static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        LocalPostgres pg = LocalPostgres.server();
        dataSource = pg.dataSource(pg.createDatabase("copyin", true), 2);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void values_survive_the_round_trip() throws SQLException {
        String text = "Z\u00fcrich \"\u00d6\", a\uD83D\uDE00\nb";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE t (n bigint, i int, d date, at timestamptz, txt text, empty text, missing text)");
            try (CsvCopyIn copy = CsvCopyIn.open(c, "COPY t FROM STDIN (FORMAT csv)")) {
                copy.row(Long.MIN_VALUE, 7, LocalDate.of(2026, 11, 24), Instant.parse("2026-11-23T10:15:30.123456Z"), text, "",
                        null);
                copy.row(Long.MAX_VALUE, -1, null, null, "plain", "", null);
                assertThat(copy.finish()).isEqualTo(2);
            }
            List<Map<String, Object>> rows = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true))
                    .queryForList("SELECT n, i, d::text AS d, extract(epoch FROM at)::numeric(20,6)::text AS at, txt, empty, "
                            + "missing FROM t ORDER BY n");
            assertThat(rows.get(0)).containsEntry("n", Long.MIN_VALUE).containsEntry("i", 7).containsEntry("d", "2026-11-24")
                    .containsEntry("at", "1795428930.123456").containsEntry("txt", text).containsEntry("empty", "")
                    .containsEntry("missing", null);
            assertThat(rows.get(1)).containsEntry("n", Long.MAX_VALUE).containsEntry("i", -1).containsEntry("d", null)
                    .containsEntry("at", null).containsEntry("txt", "plain");
        }
    }

    @Test
    void a_row_the_table_refuses_fails_the_copy_and_stores_nothing() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE u (n bigint PRIMARY KEY)");
            assertThatThrownBy(() -> {
                try (CsvCopyIn copy = CsvCopyIn.open(c, "COPY u FROM STDIN (FORMAT csv)")) {
                    copy.row(1L).row(1L);
                    copy.finish();
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("duplicate key");
            try (var rs = s.executeQuery("SELECT count(*) FROM u")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }
}
