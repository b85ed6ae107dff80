package dev.settle.formats;

/**
 * A stable, machine-readable reason a file or record is wrong. Each format package has one enum
 * implementing this (e.g. {@code NachaViolation}); codes are unique across formats because each
 * enum prefixes its own ("NACHA_", "CAMT_", ...).
 */
public interface ViolationCode {

    /** The stable code, e.g. {@code NACHA_ENTRY_HASH_MISMATCH}. Never changes once released. */
    String code();

    /** True when the file cannot be trusted at all (structure broken), false for a bad field or record. */
    default boolean fatal() {
        return false;
    }
}
