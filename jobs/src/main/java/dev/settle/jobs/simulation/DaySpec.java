package dev.settle.jobs.simulation;

import java.time.LocalDate;
import java.util.List;

/**
 * What to generate for one business day. The same seed gives the same merchants every day and
 * the same day twice gives the same rows, so tests, the demo and benchmarks can compare runs.
 *
 * @param currencies merchant i uses currencies[i % size] (include 0- and 3-decimal ones)
 * @param refundPermille captures (per thousand) that get a partial refund the same day
 * @param chargebackPermille captures (per thousand) that get a chargeback in the gateway report
 * @param plantDiscrepancies plant one discrepancy of every outcome type, and a late line
 */
public record DaySpec(long seed, LocalDate day, int merchants, int paymentsPerMerchant, List<String> currencies,
                      int refundPermille, int chargebackPermille, boolean plantDiscrepancies) {
}
