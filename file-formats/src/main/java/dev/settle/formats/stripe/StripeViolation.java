package dev.settle.formats.stripe;

import dev.settle.formats.ViolationCode;

/** Stable violation codes of the Stripe balance / itemized payout reconciliation reports. */
public enum StripeViolation implements ViolationCode {
    /** The file has no header row. */
    STRIPE_EMPTY_FILE(true),
    /** A required column is absent from the header; the field names it. */
    STRIPE_MISSING_COLUMN(true),
    /** The CSV structure is broken (unclosed quote, junk after a closing quote). */
    STRIPE_MALFORMED_CSV(true),
    /** A row has fewer cells than the header; the missing cells are read as empty. */
    STRIPE_SHORT_ROW(false),
    /** An amount cell is empty where required, not a plain decimal, or does not fit 64-bit minor units. */
    STRIPE_BAD_AMOUNT(false),
    /** An amount has more decimals than its currency allows. */
    STRIPE_SCALE_TOO_FINE(false),
    /** The currency cell is not an ISO 4217 code (in either case). */
    STRIPE_UNKNOWN_CURRENCY(false),
    /** A timestamp cell is not "yyyy-MM-dd HH:mm:ss" or names an impossible time. */
    STRIPE_BAD_DATE(false),
    /** gross − fee ≠ net on a row. */
    STRIPE_NET_MISMATCH(false),
    /** reporting_category is not a known category. */
    STRIPE_UNKNOWN_CATEGORY(false),
    /** balance_transaction_id is empty. */
    STRIPE_EMPTY_ID(false),
    /** A control total left 64-bit minor units. */
    STRIPE_TOTAL_OVERFLOW(false),
    /** Writer: a field is longer than the report allows. */
    STRIPE_FIELD_TOO_LONG(false),
    /** Writer: a required field is missing or amounts disagree (currency, gross − fee ≠ net). */
    STRIPE_INCONSISTENT_ROW(false);

    private final boolean fatal;

    StripeViolation(boolean fatal) {
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
