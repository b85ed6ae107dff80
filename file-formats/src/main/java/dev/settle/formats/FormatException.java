package dev.settle.formats;

/**
 * The one exception type the file-formats module throws for bad input: it carries the
 * {@link Violation} that stopped reading. Readers throw it only when they cannot go on (broken
 * structure, unreadable encoding, truncated XML); recoverable record problems are returned as
 * violations instead. Any other exception escaping a reader is a bug (the fuzz tests look for it).
 */
public final class FormatException extends RuntimeException {

    private final Violation violation;

    public FormatException(Violation violation) {
        super(violation.toString());
        this.violation = violation;
    }

    public FormatException(Violation violation, Throwable cause) {
        super(violation.toString(), cause);
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
