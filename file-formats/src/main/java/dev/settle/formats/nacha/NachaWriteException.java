package dev.settle.formats.nacha;

import dev.settle.formats.Violation;
import java.util.List;

/**
 * The writer refused its input: every field-limit or control-total problem found, raised before
 * the offending record was written. (Readers use {@link dev.settle.formats.FormatException}; this
 * is its writer-side counterpart and carries all violations, not just the first.)
 */
public final class NachaWriteException extends RuntimeException {

    private final List<Violation> violations;

    public NachaWriteException(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).toString()
                : violations.size() + " violations, first: " + violations.get(0));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
