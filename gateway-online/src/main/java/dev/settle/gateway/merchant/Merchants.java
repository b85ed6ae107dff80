package dev.settle.gateway.merchant;

import dev.settle.gateway.Hashes;
import dev.settle.gateway.Ids;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.MoneyException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merchants and their secret keys. A key is {@code sk_} + 32 base62 characters; only its SHA-256
 * is stored, so a database leak does not leak working keys. Several keys can be live at once:
 * {@link #rotateKey} issues a new one and the old keeps working until {@link #revokeKey}.
 *
 * <p>Successful authentications are cached for {@link #AUTH_CACHE_TTL} (one lookup less per API
 * request). A revocation clears this node's cache at once; other nodes notice within the TTL.
 * Thread-safe.
 */
public final class Merchants {

    static final String KEY_PREFIX = "sk_";
    private static final int KEY_RANDOM_LENGTH = 32;
    private static final int KEY_DISPLAY_LENGTH = 10;

    static final java.time.Duration AUTH_CACHE_TTL = java.time.Duration.ofSeconds(5);
    private static final int AUTH_CACHE_SIZE_MAX = 10_000;

    private record CachedMerchant(String merchantId, long expiresAtMillis) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, CachedMerchant> authCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Merchants(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Creates a merchant and its first key; the returned secret is never retrievable again. */
    public IssuedKey create(String name, String currencyCode) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new MerchantException("name must be 1 to 200 characters");
        }
        CurrencyUnit currency;
        try {
            currency = CurrencyUnit.of(currencyCode);
        } catch (MoneyException e) {
            throw new MerchantException(e.getMessage());
        }
        String merchantId = Ids.next("mer");
        return tx.execute(status -> {
            jdbc.update("INSERT INTO merchant (id, name, default_currency, status, created_at) VALUES (?, ?, ?, 'active', ?)",
                    merchantId, name.strip(), currency.code(), Timestamp.from(clock.instant()));
            return issueKey(merchantId);
        });
    }

    public List<Merchant> list() {
        return jdbc.query("SELECT id, name, default_currency, status, created_at FROM merchant ORDER BY created_at, id",
                (rs, n) -> new Merchant(rs.getString(1), rs.getString(2), CurrencyUnit.of(rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()));
    }

    public List<ApiKey> keys(String merchantId) {
        requireMerchant(merchantId);
        return jdbc.query("""
                SELECT id, merchant_id, key_prefix, created_at, revoked_at FROM merchant_api_key
                 WHERE merchant_id = ? ORDER BY created_at, id""", (rs, n) -> new ApiKey(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()), merchantId);
    }

    /** Issues an additional key; existing keys keep working until revoked. */
    public IssuedKey rotateKey(String merchantId) {
        requireMerchant(merchantId);
        return tx.execute(status -> issueKey(merchantId));
    }

    /** Revokes one key of the merchant; idempotent (revoking a revoked key changes nothing). */
    public ApiKey revokeKey(String merchantId, String keyId) {
        requireMerchant(merchantId);
        jdbc.update("UPDATE merchant_api_key SET revoked_at = ? WHERE id = ? AND merchant_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), keyId, merchantId);
        authCache.values().removeIf(c -> c.merchantId().equals(merchantId));
        return keys(merchantId).stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow(() -> new MerchantException("merchant " + merchantId + " has no key " + keyId));
    }

    /** The active merchant whose live key this is; empty for unknown, revoked or malformed keys. */
    public Optional<String> authenticate(String secret) {
        if (secret == null || !secret.startsWith(KEY_PREFIX) || secret.length() != KEY_PREFIX.length() + KEY_RANDOM_LENGTH) {
            return Optional.empty();
        }
        String hash = hash(secret);
        long nowMillis = clock.millis();
        CachedMerchant cached = authCache.get(hash);
        if (cached != null && cached.expiresAtMillis() > nowMillis) {
            return Optional.of(cached.merchantId());
        }
        List<String> found = jdbc.queryForList("""
                SELECT k.merchant_id FROM merchant_api_key k JOIN merchant m ON m.id = k.merchant_id
                 WHERE k.key_hash = ? AND k.revoked_at IS NULL AND m.status = 'active'""", String.class, hash);
        if (found.isEmpty()) {
            authCache.remove(hash);
            return Optional.empty();
        }
        if (authCache.size() >= AUTH_CACHE_SIZE_MAX) {
            authCache.clear(); // crude bound; a full cache only costs one lookup per key
        }
        authCache.put(hash, new CachedMerchant(found.get(0), nowMillis + AUTH_CACHE_TTL.toMillis()));
        return Optional.of(found.get(0));
    }

    private IssuedKey issueKey(String merchantId) {
        String secret = KEY_PREFIX + Ids.random(KEY_RANDOM_LENGTH);
        Instant now = clock.instant();
        ApiKey key = new ApiKey(Ids.next("key"), merchantId, secret.substring(0, KEY_DISPLAY_LENGTH), now, null);
        jdbc.update("INSERT INTO merchant_api_key (id, merchant_id, key_hash, key_prefix, created_at) VALUES (?, ?, ?, ?, ?)",
                key.id(), merchantId, hash(secret), key.prefix(), Timestamp.from(now));
        return new IssuedKey(key, secret);
    }

    private void requireMerchant(String merchantId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM merchant WHERE id = ?", Integer.class, merchantId);
        if (n == null || n == 0) {
            throw new MerchantException("no merchant " + merchantId);
        }
    }

    private static String hash(String secret) {
        return Hashes.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));
    }
}
