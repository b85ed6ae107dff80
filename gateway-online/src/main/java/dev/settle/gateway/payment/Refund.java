package dev.settle.gateway.payment;

import dev.settle.money.CurrencyUnit;
import java.time.Instant;

/** One refund of a captured payment; there may be several per payment. */
public record Refund(String id, String paymentId, String merchantId, long amountMinor, CurrencyUnit currency,
        String reason, String status, Instant createdAt) {
}
