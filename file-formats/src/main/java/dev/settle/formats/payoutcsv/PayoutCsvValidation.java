package dev.settle.formats.payoutcsv;

import dev.settle.formats.Violation;
import dev.settle.money.MoneyTotals;
import java.util.List;

/**
 * Outcome of reading and validating one payout CSV file.
 *
 * @param payoutCount payout rows read
 * @param totals totals per currency of the payouts whose amount was valid
 * @param violations every violation, empty when valid
 */
public record PayoutCsvValidation(long payoutCount, MoneyTotals totals, List<Violation> violations) {

    public boolean valid() {
        return violations.isEmpty();
    }
}
