package dev.settle.readerswriters.inbound;

import java.time.Instant;

/**
 * A line of a gateway settlement report, normalised across Adyen, Stripe and mapped CSV. Amounts
 * are signed minor units from Settle's point of view: positive is money the gateway owes us.
 *
 * @param batchNumber gateway payout batch; null when the report has none
 */
public record GatewayLine(
        long lineNo,
        String recordType,
        String merchantAccount,
        String pspReference,
        String merchantReference,
        String modificationReference,
        Long batchNumber,
        Instant bookedAt,
        String currency,
        long grossMinor,
        String netCurrency,
        long netMinor,
        long commissionMinor,
        long markupMinor,
        long schemeFeesMinor,
        long interchangeMinor,
        String paymentMethod) implements StagedItem {
}
