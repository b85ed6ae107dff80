package dev.settle.money;

import java.math.RoundingMode;

/**
 * How a computed amount that falls between two minor units is brought to a whole minor unit.
 *
 * <p>Settle's written rules (see {@code src/docs/rounding.md}):
 * <ul>
 *   <li>Per-transaction fees: {@link #HALF_EVEN} unless the merchant's pricing names another rule.
 *   Half-even ("banker's") rounding has no bias over many transactions, so the fee revenue in the
 *   ledger does not drift from the contractual rate.</li>
 *   <li>Reserve holds: {@link #HALF_EVEN} on the gross amount of the cycle.</li>
 *   <li>Splitting an amount into parts (allocation): no rounding at all; the largest-remainder
 *   method hands out the leftover minor units so the parts always sum to the whole.</li>
 *   <li>Decimal amounts read from files or JSON are never rounded: a scale finer than the
 *   currency's exponent is an error.</li>
 * </ul>
 */
public enum RoundingRule {
    /** To nearest; ties to the even neighbour. 2.5 → 2, 3.5 → 4, -2.5 → -2. */
    HALF_EVEN(RoundingMode.HALF_EVEN),
    /** To nearest; ties away from zero. 2.5 → 3, -2.5 → -3. */
    HALF_UP(RoundingMode.HALF_UP),
    /** Toward zero (truncate). 2.9 → 2, -2.9 → -2. */
    DOWN(RoundingMode.DOWN),
    /** Away from zero. 2.1 → 3, -2.1 → -3. */
    UP(RoundingMode.UP),
    /** Toward positive infinity. 2.1 → 3, -2.9 → -2. */
    CEILING(RoundingMode.CEILING),
    /** Toward negative infinity. 2.9 → 2, -2.1 → -3. */
    FLOOR(RoundingMode.FLOOR);

    private final RoundingMode mode;

    RoundingRule(RoundingMode mode) {
        this.mode = mode;
    }

    public RoundingMode mode() {
        return mode;
    }
}
