package dev.settle.formats.stripe;

import dev.settle.formats.Violation;
import dev.settle.money.MoneyException;
import dev.settle.money.MoneyTotals;
import java.util.ArrayList;
import java.util.List;

/** Σ gross, Σ fee and Σ net per currency of a Stripe report, overflow-checked. */
public final class StripeControlTotals {

    private final String fileName;
    private final MoneyTotals gross = new MoneyTotals();
    private final MoneyTotals fee = new MoneyTotals();
    private final MoneyTotals net = new MoneyTotals();
    private final List<Violation> overflows = new ArrayList<>();

    public StripeControlTotals(String fileName) {
        this.fileName = fileName;
    }

    public void add(StripeRow row) {
        try {
            if (row.gross() != null) {
                gross.add(row.gross());
            }
            if (row.fee() != null) {
                fee.add(row.fee());
            }
            if (row.net() != null) {
                net.add(row.net());
            }
        } catch (MoneyException e) {
            overflows.add(new Violation(StripeViolation.STRIPE_TOTAL_OVERFLOW, fileName, row.line(), null,
                    row.categoryText(), null, null, e.getMessage()));
        }
    }

    public MoneyTotals gross() {
        return gross;
    }

    public MoneyTotals fee() {
        return fee;
    }

    public MoneyTotals net() {
        return net;
    }

    public List<Violation> violations() {
        return List.copyOf(overflows);
    }
}
