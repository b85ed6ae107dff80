package dev.settle.gateway.payment;

import java.time.Instant;

/**
 * Filters and cursor of a payment listing; every field but {@code limit} may be null. Results are
 * newest first; {@code startingAfter} is the id of the last payment of the previous page.
 */
public record PaymentFilter(PaymentStatus status, Instant createdFrom, Instant createdTo, String reference,
        int limit, String startingAfter) {
}
