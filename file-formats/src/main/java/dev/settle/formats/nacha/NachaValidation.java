package dev.settle.formats.nacha;

import dev.settle.formats.Violation;
import java.util.List;
import java.util.Map;

/**
 * Outcome of reading and validating one NACHA file.
 *
 * @param totals computed from the records read
 * @param recordCounts records per kind, e.g. "entries" → 3
 * @param violations every violation, empty when the file is valid
 */
public record NachaValidation(NachaControlTotals totals, Map<String, Long> recordCounts, List<Violation> violations) {

    public boolean valid() {
        return violations.isEmpty();
    }
}
