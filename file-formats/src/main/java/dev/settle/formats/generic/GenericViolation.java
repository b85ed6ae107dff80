package dev.settle.formats.generic;

import dev.settle.formats.ViolationCode;

/** Stable violation codes of generic mapped CSV files and their mapping files. */
public enum GenericViolation implements ViolationCode {
    /** The mapping file is wrong; the field names the key, the raw value is the key's value. */
    GENERIC_BAD_MAPPING(true),
    /** The file has no header row although the mapping says it has one. */
    GENERIC_EMPTY_FILE(true),
    /** A column the mapping names by header is not in the header. */
    GENERIC_MISSING_COLUMN(true),
    /** The CSV structure is broken (unclosed quote, junk after a closing quote). */
    GENERIC_MALFORMED_CSV(true),
    /** A row is too short for a mapped column; the missing cells are read as empty. */
    GENERIC_SHORT_ROW(false),
    /** An amount cell does not match the mapping's amount format. */
    GENERIC_BAD_AMOUNT(false),
    /** An amount has more decimals than its currency allows. */
    GENERIC_SCALE_TOO_FINE(false),
    /** The currency cell is not an ISO 4217 code (and no fixed currency applies). */
    GENERIC_UNKNOWN_CURRENCY(false),
    /** A date cell does not match the mapping's date format or names an impossible date. */
    GENERIC_BAD_DATE(false),
    /** The debit/credit indicator cell is neither a debit nor a credit value of the mapping. */
    GENERIC_BAD_INDICATOR(false),
    /** Both the debit and the credit column of a row are filled. */
    GENERIC_DEBIT_AND_CREDIT(false),
    /** A required value (amount, date) is empty. */
    GENERIC_MISSING_VALUE(false),
    /** A control total left 64-bit minor units. */
    GENERIC_TOTAL_OVERFLOW(false);

    private final boolean fatal;

    GenericViolation(boolean fatal) {
        this.fatal = fatal;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public boolean fatal() {
        return fatal;
    }
}
