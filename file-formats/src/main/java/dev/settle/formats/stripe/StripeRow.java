package dev.settle.formats.stripe;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One balance transaction of a Stripe balance or itemized payout reconciliation report, typed.
 * Amounts are in MAJOR units in the file ("12.34" USD) and become exact {@link Money}. Cells that
 * cannot be typed leave their component null and add to {@link #parseViolations()}.
 *
 * @param line 1-based physical line the row starts on
 * @param balanceTransactionId balance_transaction_id ("txn_…")
 * @param createdUtc created_utc
 * @param created created, in the report's chosen time zone (the file does not say which); null when absent
 * @param availableOnUtc available_on_utc; null when absent
 * @param currency currency (lower-case in the file, "usd"), as ISO 4217
 * @param gross gross
 * @param fee fee (Stripe's fees, positive when charged)
 * @param net net; validation checks gross − fee = net
 * @param reportingCategory reporting_category; {@link ReportingCategory#UNKNOWN} for unknown text
 * @param categoryText reporting_category as written
 * @param sourceId source_id ("ch_…", "re_…", "po_…")
 * @param description description; empty when absent
 * @param customerFacingAmount customer_facing_amount in customer_facing_currency (or the row currency); null when empty
 * @param chargeId charge_id; empty when absent
 * @param paymentIntentId payment_intent_id; empty when absent
 * @param automaticPayoutId automatic_payout_id ("po_…"); empty when absent
 * @param automaticPayoutEffectiveAtUtc automatic_payout_effective_at_utc; null when absent
 * @param parseViolations problems found while typing cells (never null)
 */
public record StripeRow(
        long line,
        String balanceTransactionId,
        Instant createdUtc,
        LocalDateTime created,
        Instant availableOnUtc,
        CurrencyUnit currency,
        Money gross,
        Money fee,
        Money net,
        ReportingCategory reportingCategory,
        String categoryText,
        String sourceId,
        String description,
        Money customerFacingAmount,
        String chargeId,
        String paymentIntentId,
        String automaticPayoutId,
        Instant automaticPayoutEffectiveAtUtc,
        List<Violation> parseViolations) {

    public StripeRow {
        parseViolations = List.copyOf(parseViolations);
    }
}
