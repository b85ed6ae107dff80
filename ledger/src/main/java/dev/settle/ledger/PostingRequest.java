package dev.settle.ledger;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.MoneyTotals;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A posting to make. Validated on construction: at least two lines, and Σdebits = Σcredits in
 * every currency (checked with overflow-checked totals). The database checks the same again.
 *
 * @param reference idempotency reference, unique across the ledger, e.g. {@code capture:pay_123};
 *     posting the same reference again returns the first posting instead of writing a second one
 */
public record PostingRequest(
        String reference, String kind, LocalDate businessDate, String description, List<PostingLine> lines) {

    public PostingRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(businessDate, "businessDate");
        description = description == null ? "" : description;
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new LedgerException(LedgerException.Code.UNBALANCED,
                    "posting " + reference + " has " + lines.size() + " line(s); at least two are needed");
        }
        MoneyTotals net = new MoneyTotals();
        for (PostingLine line : lines) {
            net.add(line.side() == Side.DEBIT ? line.amount() : line.amount().negate());
        }
        for (Map.Entry<CurrencyUnit, Long> e : net.byCurrency().entrySet()) {
            if (e.getValue() != 0) {
                throw new LedgerException(LedgerException.Code.UNBALANCED,
                        "posting " + reference + " is unbalanced in " + e.getKey()
                                + ": debits exceed credits by " + e.getValue() + " minor units");
            }
        }
    }
}
