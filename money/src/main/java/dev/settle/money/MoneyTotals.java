package dev.settle.money;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A running total per currency with overflow-checked addition. Used for control totals of files
 * and for "Σdebits = Σcredits per currency" checks. Not thread-safe.
 */
public final class MoneyTotals {

    private final Map<CurrencyUnit, Long> totalsMinor = new TreeMap<>();

    public MoneyTotals add(Money amount) {
        totalsMinor.merge(amount.currency(), amount.amountMinor(), (a, b) -> {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException e) {
                throw new MoneyException(MoneyException.Code.OVERFLOW,
                        "overflow: total in " + amount.currency() + " exceeds 64-bit minor units");
            }
        });
        return this;
    }

    public Money total(CurrencyUnit currency) {
        return Money.ofMinor(totalsMinor.getOrDefault(currency, 0L), currency);
    }

    /** Totals by currency, ordered by code. */
    public Map<CurrencyUnit, Long> byCurrency() {
        return Collections.unmodifiableMap(totalsMinor);
    }

    public boolean allZero() {
        return totalsMinor.values().stream().allMatch(v -> v == 0L);
    }
}
