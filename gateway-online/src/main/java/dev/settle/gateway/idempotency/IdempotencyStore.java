package dev.settle.gateway.idempotency;

import dev.settle.gateway.Hashes;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys in PostgreSQL, per merchant. A key is claimed by an insert that commits on its
 * own (autocommit, outside any request transaction), so concurrent requests with one key meet at
 * the primary key: exactly one claims it. A key older than the retention window counts as free
 * (the purge may not have run yet). A claim still in flight after {@code inFlightTimeout} belongs
 * to a request whose process died; the same request (same fingerprint) may then take it over.
 * Thread-safe.
 */
public final class IdempotencyStore implements AutoCloseable {

    /** What {@link #claim} found. */
    public enum Outcome { CLAIMED, REPLAY, IN_USE, REUSED }

    /** @param responseStatus and {@code responseBody} only for {@link Outcome#REPLAY} */
    public record Claim(Outcome outcome, int responseStatus, byte[] responseBody) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration inFlightTimeout;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock, Duration retention, Duration inFlightTimeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.inFlightTimeout = inFlightTimeout;
    }

    /** SHA-256 over method, path and body bytes: "the same request" means all three are equal. */
    public static String fingerprint(String method, String path, byte[] body) {
        return Hashes.sha256Hex(method.getBytes(StandardCharsets.UTF_8), path.getBytes(StandardCharsets.UTF_8), body);
    }

    public Claim claim(String merchantId, String key, String fingerprint) {
        Instant now = clock.instant();
        int claimed = jdbc.update("""
                INSERT INTO idempotency_key (merchant_id, idempotency_key, request_fingerprint, state, created_at)
                VALUES (?, ?, ?, 'in_flight', ?)
                ON CONFLICT (merchant_id, idempotency_key) DO UPDATE
                   SET request_fingerprint = excluded.request_fingerprint, state = 'in_flight', response_status = NULL,
                       response_body = NULL, created_at = excluded.created_at, completed_at = NULL
                 WHERE idempotency_key.created_at < ?
                    OR (idempotency_key.state = 'in_flight' AND idempotency_key.created_at < ?
                        AND idempotency_key.request_fingerprint = excluded.request_fingerprint)""",
                merchantId, key, fingerprint, Timestamp.from(now), Timestamp.from(now.minus(retention)),
                Timestamp.from(now.minus(inFlightTimeout)));
        if (claimed == 1) {
            return new Claim(Outcome.CLAIMED, 0, null);
        }
        var rows = jdbc.queryForList("""
                SELECT request_fingerprint, state, response_status, response_body FROM idempotency_key
                 WHERE merchant_id = ? AND idempotency_key = ?""", merchantId, key);
        if (rows.isEmpty()) {
            return claim(merchantId, key, fingerprint); // released between our insert and select: try again
        }
        Map<String, Object> row = rows.get(0);
        if (!fingerprint.equals(row.get("request_fingerprint"))) {
            return new Claim(Outcome.REUSED, 0, null);
        }
        if ("in_flight".equals(row.get("state"))) {
            return new Claim(Outcome.IN_USE, 0, null);
        }
        return new Claim(Outcome.REPLAY, ((Number) row.get("response_status")).intValue(), (byte[]) row.get("response_body"));
    }

    public void complete(String merchantId, String key, int status, byte[] body) {
        jdbc.update("""
                UPDATE idempotency_key SET state = 'completed', response_status = ?, response_body = ?, completed_at = ?
                 WHERE merchant_id = ? AND idempotency_key = ?""",
                status, body, Timestamp.from(clock.instant()), merchantId, key);
    }

    /** Frees a claimed key whose request attempted nothing, so it can be used again. */
    public void release(String merchantId, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE merchant_id = ? AND idempotency_key = ? AND state = 'in_flight'",
                merchantId, key);
    }

    /** Closes the store's own connection pool, if it has one. */
    @Override
    public void close() throws Exception {
        if (jdbc.getDataSource() instanceof AutoCloseable pool && pool.getClass().getName().startsWith("com.zaxxer")) {
            pool.close();
        }
    }

    /** Deletes keys older than the retention window; returns how many. */
    public int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }
}
