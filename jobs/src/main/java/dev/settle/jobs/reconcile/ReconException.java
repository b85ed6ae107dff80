package dev.settle.jobs.reconcile;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reconciliation exception as finance sees it.
 *
 * @param amountMinor the difference, or the amount of the missing/unmatched item, in minor units of {@code currency}
 * @param itemKey the item it is about ('txn:…', 'gw:file:line', 'batch:n:ccy', 'bank:file:entry', 'po:…'); empty for statement breaks
 */
public record ReconException(long id, LocalDate businessDate, String type, Integer leg, String status, String merchantId,
                             String currency, Long amountMinor, String reference, String details, String itemKey,
                             LocalDate firstSeenDate, LocalDate lastSeenDate, String resolutionKind, String resolution,
                             String resolvedBy, Instant resolvedAt, Instant createdAt) {
}
