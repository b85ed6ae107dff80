package dev.settle.gateway.risk;

import dev.settle.gateway.GatewayProperties;
import dev.settle.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Velocity rules backed by Redis: authorisation attempts per card fingerprint per window, and
 * authorised amount per merchant per currency per business day. Both limits come from
 * {@link GatewayProperties.Risk}; 0 disables a rule. Counters are fixed windows, so a burst at a
 * window edge can pass up to twice the limit — accepted for a velocity check. Thread-safe.
 */
public final class VelocityRules {

    private final RedisCounters counters;
    private final GatewayProperties.Risk settings;
    private final GatewayProperties properties;
    private final Clock clock;

    public VelocityRules(RedisCounters counters, GatewayProperties properties, Clock clock) {
        this.counters = counters;
        this.settings = properties.getRisk();
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts one attempt for the card; false when the card has had too many attempts in this window. */
    public boolean allowAttempt(String cardFingerprint) {
        if (settings.getAttemptsPerCardMax() <= 0) {
            return true;
        }
        long windowMs = settings.getAttemptsWindow().toMillis();
        long window = clock.millis() / windowMs;
        return counters.addWithin("risk:card:" + cardFingerprint + ":" + window, 1, settings.getAttemptsWindow(),
                settings.getAttemptsPerCardMax(), false);
    }

    /**
     * Reserves {@code amount} of the merchant's daily allowance; false (and nothing reserved) when it
     * would pass the limit. Give it back with {@link #releaseAmount} if the authorisation fails.
     */
    public boolean reserveAmount(String merchantId, Money amount) {
        long limit = settings.getAmountPerMerchantPerDayMaxMinor();
        if (limit <= 0) {
            return true;
        }
        return counters.addWithin(dailyKey(merchantId, amount), amount.amountMinor(), Duration.ofHours(48), limit, true);
    }

    public void releaseAmount(String merchantId, Money amount) {
        if (settings.getAmountPerMerchantPerDayMaxMinor() > 0) {
            counters.subtract(dailyKey(merchantId, amount), amount.amountMinor());
        }
    }

    private String dailyKey(String merchantId, Money amount) {
        LocalDate day = LocalDate.now(clock.withZone(properties.getBusinessZone()));
        return "risk:amount:" + merchantId + ":" + amount.currency().code() + ":" + day;
    }
}
