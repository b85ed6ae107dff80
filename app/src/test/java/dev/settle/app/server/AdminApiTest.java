package dev.settle.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.LocalRedis;
import dev.settle.localservices.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin API: admin tokens only, the same workflow rules as the CLI, audited under the token's user. */
@SpringBootTest(classes = SettleServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminApiTest {

    static final HikariDataSource DATABASE = TestDatabase.fresh("admin_api", 4);
    static String token;
    static long exceptionId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::getJdbcUrl);
        registry.add("spring.datasource.username", DATABASE::getUsername);
        registry.add("spring.datasource.password", () -> DATABASE.getPassword() == null ? "" : DATABASE.getPassword());
        registry.add("settle.redis.host", () -> LocalRedis.server().host());
        registry.add("settle.redis.port", () -> LocalRedis.server().port());
        registry.add("settle.redis.key-prefix", () -> "admin-api-test:");
        registry.add("settle.gateway.migrate-on-start", () -> "false");
    }

    @BeforeAll
    static void data() {
        token = new AdminUsers(DATABASE, Clock.systemUTC()).create("alice", "finance");
        exceptionId = new JdbcTemplate(DATABASE).queryForObject("""
                INSERT INTO recon_exception (business_date, type, currency, amount_minor, reference, details, dedup_key, created_at,
                                             item_key, leg, first_seen_date, last_seen_date)
                VALUES (DATE '2026-11-20', 'MISSING_INTERNALLY', 'EUR', 4200, 'UNRECORDED-1', 'expected -, actual 4200',
                        'MISSING_INTERNALLY:gw:1:2', now(), 'gw:1:2', 1, DATE '2026-11-20', DATE '2026-11-20') RETURNING id""", Long.class);
    }

    @AfterAll
    static void close() {
        DATABASE.close();
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void without_an_admin_token_nothing_is_shown() throws Exception {
        assertThat(call("GET", "/admin/v1/exceptions", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/admin/v1/exceptions", "sk_test_not_an_admin_key", null).body()).contains("invalid_admin_token");
    }

    @Test
    void finance_lists_resolves_with_a_note_and_is_recorded_as_the_actor() throws Exception {
        HttpResponse<String> list = call("GET", "/admin/v1/exceptions?status=OPEN&type=MISSING_INTERNALLY", token, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("UNRECORDED-1");

        HttpResponse<String> noNote = call("POST", "/admin/v1/exceptions/" + exceptionId + "/resolve", token,
                "{\"kind\":\"WRITE_OFF\",\"note\":\"\"}");
        assertThat(noNote.statusCode()).isEqualTo(422);
        assertThat(noNote.body()).contains("\"code\":\"note_required\"").contains("\"param\":\"note\"");

        HttpResponse<String> resolved = call("POST", "/admin/v1/exceptions/" + exceptionId + "/resolve", token,
                "{\"kind\":\"WRITE_OFF\",\"note\":\"test charge by the gateway\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body()).contains("\"status\":\"RESOLVED\"").contains("\"resolvedBy\":\"alice\"");

        assertThat(call("POST", "/admin/v1/exceptions/" + exceptionId + "/resolve", token,
                "{\"kind\":\"ACCEPTED\",\"note\":\"again\"}").statusCode()).isEqualTo(409);
        assertThat(call("GET", "/admin/v1/exceptions/999999", token, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/admin/v1/exceptions/" + exceptionId, token, null).body()).contains("\"actor\":\"alice\"");
    }

    @Test
    void finance_releases_and_rejects_a_held_inbound_file_with_a_note() throws Exception {
        long fileId = new JdbcTemplate(DATABASE).queryForObject("""
                INSERT INTO ingested_file (source, source_kind, format, remote_name, name_version, size_bytes, sha256,
                                           business_date, received_at, status, status_changed_at, status_reason)
                VALUES ('adyen', 'gateway', 'adyen-sdr', 'report_7.csv', 2, 100, repeat('a', 64), DATE '2026-11-20', now(),
                        'HELD', now(), 'same name as version 1 with different content') RETURNING id""", Long.class);
        String file = "/admin/v1/inbound-files/" + fileId;

        assertThat(call("GET", "/admin/v1/inbound-files?status=HELD", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/admin/v1/inbound-files?status=HELD", token, null).body()).contains("\"remoteName\":\"report_7.csv\"");
        HttpResponse<String> noNote = call("POST", file + "/release", token, "{\"note\":\" \"}");
        assertThat(noNote.statusCode()).isEqualTo(422);
        assertThat(noNote.body()).contains("\"code\":\"note_required\"").contains("\"param\":\"note\"");

        HttpResponse<String> released = call("POST", file + "/release", token, "{\"note\":\"the corrected report\"}");
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(released.body()).contains("\"status\":\"RECEIVED\"").contains("released by alice: the corrected report");
        assertThat(call("POST", file + "/release", token, "{\"note\":\"twice\"}").statusCode()).isEqualTo(409);

        HttpResponse<String> rejected = call("POST", file + "/reject", token, "{\"note\":\"withdrawn by the gateway\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).contains("\"status\":\"REJECTED\"");
        assertThat(call("POST", "/admin/v1/inbound-files/999999/reject", token, "{\"note\":\"x\"}").statusCode()).isEqualTo(404);
    }
}
