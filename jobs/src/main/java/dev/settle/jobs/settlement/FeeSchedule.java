package dev.settle.jobs.settlement;

import dev.settle.money.Money;

/**
 * The fee of one settled item under a merchant's terms. Pure; see {@code src/docs/rounding.md}.
 *
 * <ul>
 *   <li>Capture: {@code max(minimumFee, round(amount × bp / 10 000, feeRounding) + fixed)}, rounded
 *   per transaction (never on a total).</li>
 *   <li>Refund: the flat refund fee; the capture's fee is not given back.</li>
 *   <li>Chargeback and second chargeback: the flat chargeback fee; a reversal gives money back but
 *   not the fee.</li>
 * </ul>
 * The result is never negative.
 */
public final class FeeSchedule {

    private FeeSchedule() {
    }

    public static Money fee(SettlementTerms terms, SettlementItem item) {
        Money zero = Money.zero(terms.currency());
        return switch (item.kind()) {
            case CAPTURE -> {
                Money percentage = item.amount().basisPoints(terms.captureFeeBp(), terms.feeRounding());
                Money fee = percentage.plus(terms.captureFeeFixed());
                yield fee.compareTo(terms.minimumFee()) < 0 ? terms.minimumFee() : fee;
            }
            case REFUND -> terms.refundFee();
            case CHARGEBACK, SECOND_CHARGEBACK -> terms.chargebackFee();
            case CHARGEBACK_REVERSAL -> zero;
        };
    }
}
