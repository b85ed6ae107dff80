package dev.settle.jobs.settlement;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.RoundingRule;
import java.util.Objects;

/**
 * A merchant's settlement terms in one currency (table {@code merchant_settlement_config}).
 *
 * @param captureFeeBp percentage fee on each capture, in basis points (0–10 000)
 * @param captureFeeFixed fixed fee added to each capture's percentage fee
 * @param refundFee flat fee per refund (the capture's fee is not given back)
 * @param chargebackFee flat fee per chargeback and second chargeback (not given back on reversal)
 * @param minimumFee floor of each capture's fee (percentage + fixed)
 * @param feeRounding how the percentage fee is brought to a whole minor unit
 * @param reserveBp rolling reserve in basis points of each cycle's gross captures
 * @param reserveDays days a reserve is held; released by the first settlement on or after held date + days
 * @param payoutMinimum a net below this (or not positive) is carried forward instead of paid
 */
public record SettlementTerms(
        CurrencyUnit currency,
        long captureFeeBp,
        Money captureFeeFixed,
        Money refundFee,
        Money chargebackFee,
        Money minimumFee,
        RoundingRule feeRounding,
        long reserveBp,
        int reserveDays,
        Money payoutMinimum) {

    public SettlementTerms {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(feeRounding, "feeRounding");
        if (captureFeeBp < 0 || captureFeeBp > 10_000 || reserveBp < 0 || reserveBp > 10_000 || reserveDays < 0) {
            throw new IllegalArgumentException("basis points must be 0..10000 and reserve days >= 0");
        }
        for (Money m : new Money[] {captureFeeFixed, refundFee, chargebackFee, minimumFee, payoutMinimum}) {
            if (m.currency() != currency || m.isNegative()) {
                throw new IllegalArgumentException("fee amounts must be non-negative " + currency + ", was " + m);
            }
        }
    }

    /** Terms with no fees, no reserve and no minimum. */
    public static SettlementTerms free(CurrencyUnit currency) {
        Money zero = Money.zero(currency);
        return new SettlementTerms(currency, 0, zero, zero, zero, zero, RoundingRule.HALF_EVEN, 0, 0, zero);
    }
}
