package dev.settle.gateway;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway, under {@code settle.gateway.*}. Every default is safe for production
 * except {@code cardFingerprintKey}, which must be set to a secret (the default only serves tests
 * and the demo, and start-up logs a warning when it is used).
 */
@ConfigurationProperties("settle.gateway")
public class GatewayProperties {

    /** Largest amount one payment may have, in minor units of its currency. */
    private long amountMaxMinor = 99_999_999L;
    /** Largest accepted request body; bigger bodies answer 413 without being read. */
    private int requestBodyMaxBytes = 64 * 1024;
    /** How long idempotency keys and their stored responses are kept. */
    private Duration idempotencyRetention = Duration.ofDays(7);
    private Duration idempotencyPurgeInterval = Duration.ofHours(1);
    /**
     * A key still in flight after this long belongs to a request whose process died; a retry of the
     * same request takes it over. Must exceed the longest request (acquirer timeouts included).
     */
    private Duration idempotencyInFlightTimeout = Duration.ofMinutes(2);
    /** Zone of the business date written to gateway_transaction. */
    private ZoneId businessZone = ZoneId.of("UTC");
    /** HMAC-SHA256 key of card fingerprints: a secret; rotating it changes every fingerprint. */
    private String cardFingerprintKey = "settle-dev-fingerprint-key-change-me";
    /**
     * Payments left pending/unknown at least this long are resolved with the acquirer. Must exceed
     * the acquirer's own call timeout, or a slow approval could be resolved as never seen.
     */
    private Duration resolveAfter = Duration.ofSeconds(30);
    private Duration resolveInterval = Duration.ofSeconds(30);
    /** Requests per merchant per second before 429; 0 disables the limit. */
    private int rateLimitPerSecond = 1000;
    private final Risk risk = new Risk();

    /** Velocity rules, counted in Redis. */
    public static class Risk {
        /** Authorisation attempts allowed per card fingerprint per window; 0 disables. */
        private int attemptsPerCardMax = 10;
        private Duration attemptsWindow = Duration.ofMinutes(10);
        /** Authorised amount per merchant per currency per business day, minor units; 0 disables. */
        private long amountPerMerchantPerDayMaxMinor = 0;

        public int getAttemptsPerCardMax() { return attemptsPerCardMax; }
        public void setAttemptsPerCardMax(int v) { attemptsPerCardMax = v; }
        public Duration getAttemptsWindow() { return attemptsWindow; }
        public void setAttemptsWindow(Duration v) { attemptsWindow = v; }
        public long getAmountPerMerchantPerDayMaxMinor() { return amountPerMerchantPerDayMaxMinor; }
        public void setAmountPerMerchantPerDayMaxMinor(long v) { amountPerMerchantPerDayMaxMinor = v; }
    }

    public long getAmountMaxMinor() { return amountMaxMinor; }
    public void setAmountMaxMinor(long v) { amountMaxMinor = v; }
    public int getRequestBodyMaxBytes() { return requestBodyMaxBytes; }
    public void setRequestBodyMaxBytes(int v) { requestBodyMaxBytes = v; }
    public Duration getIdempotencyRetention() { return idempotencyRetention; }
    public void setIdempotencyRetention(Duration v) { idempotencyRetention = v; }
    public Duration getIdempotencyPurgeInterval() { return idempotencyPurgeInterval; }
    public void setIdempotencyPurgeInterval(Duration v) { idempotencyPurgeInterval = v; }
    public Duration getIdempotencyInFlightTimeout() { return idempotencyInFlightTimeout; }
    public void setIdempotencyInFlightTimeout(Duration v) { idempotencyInFlightTimeout = v; }
    public ZoneId getBusinessZone() { return businessZone; }
    public void setBusinessZone(ZoneId v) { businessZone = v; }
    public String getCardFingerprintKey() { return cardFingerprintKey; }
    public void setCardFingerprintKey(String v) { cardFingerprintKey = v; }
    public Duration getResolveAfter() { return resolveAfter; }
    public void setResolveAfter(Duration v) { resolveAfter = v; }
    public Duration getResolveInterval() { return resolveInterval; }
    public void setResolveInterval(Duration v) { resolveInterval = v; }
    public int getRateLimitPerSecond() { return rateLimitPerSecond; }
    public void setRateLimitPerSecond(int v) { rateLimitPerSecond = v; }
    public Risk getRisk() { return risk; }
}
