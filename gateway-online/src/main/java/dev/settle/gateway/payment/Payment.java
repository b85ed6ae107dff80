package dev.settle.gateway.payment;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.card.Card;
import dev.settle.money.CurrencyUnit;
import java.time.Instant;
import java.util.Map;

/**
 * A payment as stored (never with card data beyond {@link Card.StoredCard}).
 *
 * @param pspReference the acquirer's reference; null until it answered
 * @param declineCode null unless declined
 * @param metadata the merchant's key/value pairs, possibly empty, never null
 */
public record Payment(
        String id,
        String merchantId,
        PaymentStatus status,
        long amountMinor,
        long amountCapturedMinor,
        long amountRefundedMinor,
        CurrencyUnit currency,
        boolean captureRequested,
        String reference,
        String description,
        Map<String, String> metadata,
        Card.StoredCard card,
        String pspReference,
        ErrorCode declineCode,
        Instant createdAt) {
}
