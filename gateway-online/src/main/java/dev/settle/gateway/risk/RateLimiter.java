package dev.settle.gateway.risk;

import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Requests per merchant per second, counted in Redis so every API node shares one budget.
 * A fixed one-second window; 0 disables it. The limit is read on every call, so a change of the
 * setting applies at once. Thread-safe.
 */
public final class RateLimiter {

    private final RedisCounters counters;
    private final IntSupplier perSecondMax;
    private final Clock clock;

    public RateLimiter(RedisCounters counters, IntSupplier perSecondMax, Clock clock) {
        this.counters = counters;
        this.perSecondMax = perSecondMax;
        this.clock = clock;
    }

    /** Counts one request; false when the merchant is over its budget for this second. */
    public boolean tryAcquire(String merchantId) {
        int limit = perSecondMax.getAsInt();
        if (limit <= 0) {
            return true;
        }
        long second = clock.millis() / 1000;
        return counters.addWithin("rate:" + merchantId + ":" + second, 1, Duration.ofSeconds(2), limit, false);
    }
}
