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
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** What PostgreSQL stores from the rows {@link BinaryCopyIn} sends: every value comes back as it went in. */
class BinaryCopyInPostgresTest {

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
            s.execute("CREATE TEMP TABLE t (n bigint, i int, ok boolean, d date, at timestamptz, txt text, ccy char(3), "
                    + "empty text, missing bigint)");
            try (BinaryCopyIn copy = BinaryCopyIn.open(c, "COPY t FROM STDIN (FORMAT binary)")) {
                copy.row(9).int8(Long.MIN_VALUE).int4(7).bool(true).date(LocalDate.of(2026, 11, 24))
                        .timestamptz(Instant.parse("2026-11-23T10:15:30.123456Z")).text(text).text("EUR").text("")
                        .int8((Long) null);
                copy.row(9).int8(0L).int4(0).bool(false).date(null).timestamptz(null).text(null).text("KWD").text("")
                        .int8(5L);
                copy.row(9).int8(Long.MAX_VALUE).int4(-1).bool(false).date(LocalDate.of(1970, 1, 1))
                        .timestamptz(Instant.parse("1999-12-31T23:59:59.999999Z")).text("plain").text("JPY").text("")
                        .int8((Long) null);
                assertThat(copy.finish()).isEqualTo(3);
            }
            List<Map<String, Object>> rows = new JdbcTemplate(new SingleConnectionDataSource(c, true))
                    .queryForList("SELECT n, i, ok, d::text AS d, extract(epoch FROM at)::numeric(20,6)::text AS at, txt, ccy, "
                            + "empty, missing FROM t ORDER BY n");
            assertThat(rows.get(0)).containsEntry("n", Long.MIN_VALUE).containsEntry("i", 7).containsEntry("ok", true)
                    .containsEntry("d", "2026-11-24").containsEntry("at", "1795428930.123456").containsEntry("txt", text)
                    .containsEntry("ccy", "EUR").containsEntry("empty", "").containsEntry("missing", null);
            assertThat(rows.get(1)).containsEntry("n", 0L).containsEntry("d", null).containsEntry("at", null)
                    .containsEntry("txt", null).containsEntry("missing", 5L);
            assertThat(rows.get(2)).containsEntry("n", Long.MAX_VALUE).containsEntry("i", -1).containsEntry("ok", false)
                    .containsEntry("d", "1970-01-01").containsEntry("at", "946684799.999999").containsEntry("txt", "plain");
        }
    }

    @Test
    void many_rows_are_sent_in_pieces_and_all_arrive() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE many (n bigint, txt text)");
            try (BinaryCopyIn copy = BinaryCopyIn.open(c, "COPY many FROM STDIN (FORMAT binary)")) {
                for (long n = 1; n <= 20_000; n++) { // about 500 KB: eight 64 KiB pieces
                    copy.row(2).int8(n).text("row " + n);
                }
                assertThat(copy.finish()).isEqualTo(20_000);
            }
            try (var rs = s.executeQuery("SELECT count(*), sum(n), count(*) FILTER (WHERE txt = 'row ' || n) FROM many")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(20_000);
                assertThat(rs.getLong(2)).isEqualTo(20_000L * 20_001 / 2);
                assertThat(rs.getLong(3)).isEqualTo(20_000);
            }
        }
    }

    @Test
    void a_value_of_the_wrong_type_is_refused_by_the_server_and_nothing_is_stored() throws SQLException {
        assertRefusedAndNothingStored("CREATE TEMP TABLE w (n bigint)", "w",
                copy -> copy.row(1).int4(1), // 4 bytes for an 8-byte column
                "COPY w, line 1, column n");
    }

    @Test
    void a_row_the_table_refuses_fails_the_copy_and_stores_nothing() throws SQLException {
        assertRefusedAndNothingStored("CREATE TEMP TABLE u (n bigint PRIMARY KEY)", "u", copy -> {
            copy.row(1).int8(1L);
            copy.row(1).int8(1L);
        }, "duplicate key");
    }

    interface Rows {
        void write(BinaryCopyIn copy) throws SQLException;
    }

    private static void assertRefusedAndNothingStored(String createTable, String table, Rows rows, String message)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(createTable);
            assertThatThrownBy(() -> {
                try (BinaryCopyIn copy = BinaryCopyIn.open(c, "COPY " + table + " FROM STDIN (FORMAT binary)")) {
                    rows.write(copy);
                    copy.finish();
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining(message);
            assertThat(rows(s, table)).isZero();
        }
    }

    private static long rows(Statement s, String table) throws SQLException {
        try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
