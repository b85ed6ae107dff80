package dev.settle.jobs.settlement;

import dev.settle.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one settlement of one merchant in one currency is computed from.
 *
 * @param carriedIn the balance carried from earlier cycles (negative: the merchant owes us;
 *     positive: paid out later because it was below the payout minimum)
 * @param items reconciled, not yet settled items, in the order they appear on the statement
 * @param releases reserve holds due on or before the business date
 * @param returns returned payouts to pay again in this cycle
 */
public record SettlementInput(
        String merchantId,
        LocalDate businessDate,
        SettlementTerms terms,
        Money carriedIn,
        List<SettlementItem> items,
        List<ReserveRelease> releases,
        List<ReturnedPayout> returns) {

    public SettlementInput {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(terms, "terms");
        items = List.copyOf(items);
        releases = List.copyOf(releases);
        returns = List.copyOf(returns);
        if (carriedIn.currency() != terms.currency()) {
            throw new IllegalArgumentException("carried balance " + carriedIn + " is not in " + terms.currency());
        }
        for (SettlementItem i : items) {
            if (i.amount().currency() != terms.currency()) {
                throw new IllegalArgumentException("item " + i.id() + " is not in " + terms.currency());
            }
        }
    }

    /** True when settling would change nothing: no items, releases or returns. */
    public boolean nothingToSettle() {
        return items.isEmpty() && releases.isEmpty() && returns.isEmpty();
    }

    /** A reserve hold being released: the settlement that held it, the amount, the day it was held. */
    public record ReserveRelease(String heldInSettlementId, Money amount, LocalDate heldDate) {
    }

    /** A payout the bank returned, paid again now. */
    public record ReturnedPayout(String payoutId, Money amount, String reasonCode) {
    }
}
