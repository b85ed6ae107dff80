package dev.settle.jobs.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The ground-truth manifest of one generated day.
 *
 * @param raised exceptions reconciliation of this day must raise, no more, no less
 * @param resolvedByMatch exceptions of earlier days a late line of this day must clear
 * @param capturesByCurrency number of internal captures written, per currency
 * @param sdrRows data rows in the gateway report
 * @param bankEntries entries in the bank statement
 */
public record GeneratedDay(LocalDate day, List<PlantedException> raised, List<PlantedException> resolvedByMatch,
                           Map<String, Long> capturesByCurrency, long sdrRows, long bankEntries) {
}
