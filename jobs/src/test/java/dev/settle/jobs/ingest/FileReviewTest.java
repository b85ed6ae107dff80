package dev.settle.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.LocalPostgres;
import dev.settle.schema.SchemaMigrator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finance's decisions on inbound files, against a real database: which status each decision is
 * taken from, what it leaves behind (status, reason, staged rows, audit row) and what it refuses.
 */
class FileReviewTest {

    static HikariDataSource dataSource;
    static JdbcTemplate jdbc;
    static FileReview review;
    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @BeforeAll
    static void setUp() {
        LocalPostgres pg = LocalPostgres.server();
        dataSource = pg.dataSource(pg.createDatabase("file_review", true), 2);
        SchemaMigrator.migrate(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        review = new FileReview(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void tearDown() {
        dataSource.close();
    }

    /** A recorded file in {@code status}, with two staged report lines (as a load would leave them). */
    static long file(String status) {
        long id = jdbc.queryForObject("""
                INSERT INTO ingested_file (source, source_kind, format, remote_name, name_version, size_bytes, sha256,
                                           business_date, received_at, status, status_changed_at)
                VALUES ('adyen', 'gateway', 'adyen-sdr', 'report_' || nextval('ingested_file_id_seq') || '.csv', 1, 100,
                        md5(random()::text) || md5(random()::text), DATE '2026-11-24', now(), ?, now())
                RETURNING id""", Long.class, status);
        for (int line = 2; line <= 3; line++) {
            jdbc.update("""
                    INSERT INTO gateway_report_line (file_id, line_no, source, record_type, merchant_account, psp_reference,
                        merchant_reference, modification_reference, batch_number, booked_at, currency, gross_minor,
                        net_currency, net_minor)
                    VALUES (?, ?, 'adyen', 'Settled', 'M', 'psp', 'ref', 'mod', 1, now(), 'EUR', 100, 'EUR', 97)""", id, line);
        }
        return id;
    }

    static long stagedLines(long fileId) {
        return jdbc.queryForObject("SELECT count(*) FROM gateway_report_line WHERE file_id = ?", Long.class, fileId);
    }

    static Map<String, Object> audit(long fileId) {
        return jdbc.queryForMap("SELECT action, from_status, to_status, actor, note, at FROM ingested_file_review WHERE file_id = ?", fileId);
    }

    @ParameterizedTest(name = "{0} file: release → {1}")
    @CsvSource(textBlock = """
            HELD,        RECEIVED
            RECEIVED,    WRONG_STATUS
            LOADING,     WRONG_STATUS
            INGESTED,    WRONG_STATUS
            DUPLICATE,   WRONG_STATUS
            QUARANTINED, WRONG_STATUS
            REJECTED,    WRONG_STATUS
            """)
    void only_a_held_file_can_be_released(String from, String outcome) {
        long id = file(from);

        if (outcome.equals("RECEIVED")) {
            FileReview.Listed released = review.release(id, "alice", "the gateway confirmed the corrected report");
            assertThat(released.status()).isEqualTo("RECEIVED");
            assertThat(released.statusReason()).isEqualTo("released by alice: the gateway confirmed the corrected report");
            assertThat(audit(id)).containsEntry("action", "RELEASE").containsEntry("from_status", "HELD")
                    .containsEntry("to_status", "RECEIVED").containsEntry("actor", "alice");
        } else {
            assertThatThrownBy(() -> review.release(id, "alice", "why not"))
                    .isInstanceOfSatisfying(FileReview.ReviewException.class, e -> {
                        assertThat(e.code()).isEqualTo(outcome);
                        assertThat(e.getMessage()).isEqualTo("file " + id + " is " + from + "; only HELD files can be released");
                    });
            assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE id = ?", String.class, id)).isEqualTo(from);
        }
    }

    @ParameterizedTest(name = "{0} file: reject → {1}")
    @CsvSource(textBlock = """
            HELD,        REJECTED
            RECEIVED,    REJECTED
            LOADING,     REJECTED
            INGESTED,    WRONG_STATUS
            DUPLICATE,   WRONG_STATUS
            QUARANTINED, WRONG_STATUS
            REJECTED,    WRONG_STATUS
            """)
    void held_received_and_interrupted_files_can_be_rejected_and_their_staged_rows_go(String from, String outcome) {
        long id = file(from);

        if (outcome.equals("REJECTED")) {
            FileReview.Listed rejected = review.reject(id, "bob", "changed on the server; the gateway resends it");
            assertThat(rejected.status()).isEqualTo("REJECTED");
            assertThat(rejected.statusReason()).isEqualTo("rejected by bob: changed on the server; the gateway resends it");
            assertThat(stagedLines(id)).isZero();
            assertThat(audit(id)).containsEntry("action", "REJECT").containsEntry("from_status", from)
                    .containsEntry("note", "changed on the server; the gateway resends it");
        } else {
            assertThatThrownBy(() -> review.reject(id, "bob", "why not"))
                    .isInstanceOfSatisfying(FileReview.ReviewException.class, e -> assertThat(e.code()).isEqualTo(outcome));
            assertThat(stagedLines(id)).isEqualTo(2);
        }
    }

    @Test
    void a_file_an_execution_is_still_loading_is_not_rejected() {
        long id = file("LOADING");
        jdbc.update("INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key) VALUES (900, 0, 'ingest', 'k900')");
        jdbc.update("""
                INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time, status, last_updated)
                VALUES (901, 0, 900, now(), now(), 'STARTED', now())""");
        jdbc.update("UPDATE ingested_file SET job_execution_id = 901 WHERE id = ?", id);

        assertThatThrownBy(() -> review.reject(id, "bob", "stuck"))
                .isInstanceOfSatisfying(FileReview.ReviewException.class, e -> {
                    assertThat(e.code()).isEqualTo("BEING_LOADED");
                    assertThat(e.getMessage()).isEqualTo("file " + id + " is being loaded by execution 901; stop it first (./settle stop 901), "
                            + "or, if its node died, let a restart mark it FAILED (./settle restart 901)");
                });
        assertThat(stagedLines(id)).isEqualTo(2);

        jdbc.update("UPDATE batch_job_execution SET status = 'FAILED' WHERE job_execution_id = 901");
        assertThat(review.reject(id, "bob", "the load failed for good").status()).isEqualTo("REJECTED");
    }

    @Test
    void a_decision_needs_a_note_and_an_actor_and_an_existing_file() {
        long id = file("HELD");

        assertThatThrownBy(() -> review.release(id, "alice", " "))
                .isInstanceOfSatisfying(FileReview.ReviewException.class, e -> assertThat(e.code()).isEqualTo("NOTE_REQUIRED"));
        assertThatThrownBy(() -> review.reject(id, "", "a reason"))
                .isInstanceOfSatisfying(FileReview.ReviewException.class, e -> assertThat(e.code()).isEqualTo("ACTOR_REQUIRED"));
        assertThatThrownBy(() -> review.reject(999_999, "alice", "a reason"))
                .isInstanceOfSatisfying(FileReview.ReviewException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_FOUND");
                    assertThat(e.getMessage()).isEqualTo("no inbound file 999999");
                });
        assertThat(jdbc.queryForObject("SELECT status FROM ingested_file WHERE id = ?", String.class, id)).isEqualTo("HELD");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ingested_file_review WHERE file_id = ?", Long.class, id)).isZero();
    }

    @Test
    void list_filters_by_source_status_and_date_newest_first() {
        long older = file("HELD");
        long newer = file("HELD");

        assertThat(review.list("adyen", FileStatus.HELD, java.time.LocalDate.of(2026, 11, 24), 100))
                .extracting(FileReview.Listed::id).containsSubsequence(newer, older);
        assertThat(review.list("bank", null, null, 100)).isEmpty();
        assertThat(review.list(null, FileStatus.HELD, java.time.LocalDate.of(2026, 11, 25), 100)).isEmpty();
    }
}
