package dev.settle.jobs.settlement;

import dev.settle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A computed settlement. Invariants (checked by {@link SettlementCalculator}): Σ lines = net;
 * net = carriedIn + grossCaptures + refunds + disputes − fees − reserveHeld + reserveReleased +
 * returnedPayouts; payout + carriedOut = net; payout is zero or at least the minimum.
 *
 * @param refunds negative or zero
 * @param disputes chargebacks (negative) and reversals (positive), summed
 * @param fees positive or zero: what the merchant pays
 * @param itemFees the fee of each item, same order as the input items
 * @param reserveReleaseDate when the reserve held now is due back; null when nothing is held
 */
public record SettlementResult(
        Money carriedIn,
        Money grossCaptures,
        Money refunds,
        Money disputes,
        Money fees,
        Money reserveHeld,
        LocalDate reserveReleaseDate,
        Money reserveReleased,
        Money returnedPayouts,
        Money net,
        Money payout,
        Money carriedOut,
        List<Money> itemFees,
        List<StatementLine> lines) {

    public boolean payable() {
        return payout.isPositive();
    }
}
