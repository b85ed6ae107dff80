package dev.settle.gateway;

import dev.settle.gateway.idempotency.IdempotencyStore;
import dev.settle.gateway.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Background work: resolve undecided payments with the acquirer, purge expired idempotency keys.
 * Both are safe to run on several nodes at once. Intervals: {@code settle.gateway.resolve-interval}
 * and {@code settle.gateway.idempotency-purge-interval}.
 */
public class GatewayTasks {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTasks.class);
    private static final int RESOLVE_BATCH_MAX = 100;

    private final Payments payments;
    private final IdempotencyStore idempotency;

    public GatewayTasks(Payments payments, IdempotencyStore idempotency) {
        this.payments = payments;
        this.idempotency = idempotency;
    }

    @Scheduled(fixedDelayString = "${settle.gateway.resolve-interval}", initialDelayString = "${settle.gateway.resolve-interval}")
    public int resolveUndecidedPayments() {
        return payments.resolveUndecided(RESOLVE_BATCH_MAX);
    }

    @Scheduled(fixedDelayString = "${settle.gateway.idempotency-purge-interval}",
            initialDelayString = "${settle.gateway.idempotency-purge-interval}")
    public int purgeIdempotencyKeys() {
        int purged = idempotency.purgeExpired();
        if (purged > 0) {
            LOG.info("purged {} expired idempotency keys", purged);
        }
        return purged;
    }
}
