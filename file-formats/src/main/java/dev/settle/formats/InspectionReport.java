package dev.settle.formats;

import dev.settle.money.Money;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./settle files check} prints for one file: record counts, control totals,
 * opening/closing balances and every violation. Built by a {@link FileInspector}.
 *
 * @param recordCounts count per record type, in the order first seen (e.g. "entries" → 12)
 * @param controlTotals named money totals (e.g. "credits", "debits", "net", "CtrlSum")
 * @param balances named balances of statements ("opening 2024-01-31 NL..": 100.00 EUR), in file order
 * @param violations every violation found by parse, validation and the control-total check
 */
public record InspectionReport(
        FileFormat format,
        String file,
        Map<String, Long> recordCounts,
        Map<String, Money> controlTotals,
        Map<String, Money> balances,
        List<Violation> violations) {

    public boolean valid() {
        return violations.isEmpty();
    }
}
