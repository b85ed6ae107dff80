package dev.settle.formats.payoutcsv;

import dev.settle.formats.Violation;
import java.util.List;

/** The payout CSV writer refused a row: every violation of it, raised before anything of that row was written. */
public final class PayoutCsvWriteException extends RuntimeException {

    private final List<Violation> violations;

    public PayoutCsvWriteException(List<Violation> violations) {
        super(violations.get(0) + (violations.size() > 1 ? " (+" + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
