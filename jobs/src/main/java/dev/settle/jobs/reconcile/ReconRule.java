package dev.settle.jobs.reconcile;

/**
 * One leg's rule from the active rule set (table recon_rule).
 *
 * @param toleranceMinor absolute tolerance in minor units
 * @param toleranceBp relative tolerance in basis points of the expected amount
 * @param dateWindowDays how far a bank booking may be from the expected date
 * @param agingDays how long an expected item may be missing before it is an exception
 */
public record ReconRule(String ruleSetVersion, int leg, String matchKey, long toleranceMinor, int toleranceBp,
                        int dateWindowDays, int agingDays, String batchReferencePattern) {
}
