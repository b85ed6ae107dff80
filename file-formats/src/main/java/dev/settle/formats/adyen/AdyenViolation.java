package dev.settle.formats.adyen;

import dev.settle.formats.ViolationCode;

/** Stable violation codes of the Adyen Settlement Details Report. */
public enum AdyenViolation implements ViolationCode {
    /** The file has no header row. */
    ADYEN_EMPTY_FILE(true),
    /** A required column is absent from the header; the field names it. */
    ADYEN_MISSING_COLUMN(true),
    /** The CSV structure is broken (unclosed quote, junk after a closing quote). */
    ADYEN_MALFORMED_CSV(true),
    /** A row has fewer cells than the header; the missing cells are read as empty. */
    ADYEN_SHORT_ROW(false),
    /** An amount cell is not a plain decimal (or does not fit 64-bit minor units). */
    ADYEN_BAD_AMOUNT(false),
    /** Both the debit and the credit cell of one amount pair are filled. */
    ADYEN_DEBIT_AND_CREDIT(false),
    /** An amount has more decimals than its currency allows (e.g. "1.5" JPY, "1.001" EUR). */
    ADYEN_SCALE_TOO_FINE(false),
    /** A currency cell is empty or not an ISO 4217 code while the row has amounts in it. */
    ADYEN_UNKNOWN_CURRENCY(false),
    /** A date cell is not "yyyy-MM-dd HH:mm:ss" or names an impossible date. */
    ADYEN_BAD_DATE(false),
    /** A TimeZone cell is neither a known abbreviation, a region id nor an offset. */
    ADYEN_UNKNOWN_TIME_ZONE(false),
    /** The Type cell is not one of the documented record types. */
    ADYEN_UNKNOWN_TYPE(false),
    /** Psp Reference is empty on a type that always refers to a payment. */
    ADYEN_EMPTY_PSP_REFERENCE(false),
    /** Batch Number is empty, not an integer, or not positive. */
    ADYEN_BAD_BATCH_NUMBER(false),
    /** Exchange Rate is not a plain decimal. */
    ADYEN_BAD_EXCHANGE_RATE(false),
    /** A MerchantPayout's net is not the negated Σ net of the other rows of its batch and currency. */
    ADYEN_PAYOUT_MISMATCH(false),
    /** A control total left 64-bit minor units. */
    ADYEN_TOTAL_OVERFLOW(false),
    /** Writer: a field is longer than the report allows. */
    ADYEN_FIELD_TOO_LONG(false),
    /** Writer: a field required by the report is missing, or a Money is not in its column's currency. */
    ADYEN_INCONSISTENT_LINE(false);

    private final boolean fatal;

    AdyenViolation(boolean fatal) {
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
