package dev.settle.readerswriters.inbound;

import dev.settle.formats.Violation;
import java.util.List;

/**
 * A record that could not be staged; each of its violations is written to {@code ingest_error}
 * with its evidence.
 */
public record RejectedRecord(long lineNo, List<Violation> violations) implements StagedItem {

    public RejectedRecord {
        violations = List.copyOf(violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rejected record needs at least one violation");
        }
    }

    public static RejectedRecord of(Violation violation) {
        return new RejectedRecord(violation.line(), List.of(violation));
    }
}
