package dev.settle.formats.payoutcsv;

import dev.settle.formats.ViolationCode;

/** Stable codes for everything wrong with a payout CSV file, as read or as about to be written. */
public enum PayoutCsvViolation implements ViolationCode {
    /** The CSV syntax is broken (e.g. an unterminated quote) or the stream cannot be read; fatal. */
    PAYOUT_CSV_MALFORMED(true),
    /** The file has no header row. */
    PAYOUT_CSV_EMPTY_FILE(true),
    /** The first row is not the expected header; fatal, columns cannot be trusted. */
    PAYOUT_CSV_BAD_HEADER(true),
    /** The record type (column 1) is neither P (payout) nor T (trailer). */
    PAYOUT_CSV_UNKNOWN_RECORD_TYPE,
    /** A row has the wrong number of fields for its type (P: 10, T: 4). */
    PAYOUT_CSV_FIELD_COUNT,
    PAYOUT_CSV_FIELD_REQUIRED,
    PAYOUT_CSV_FIELD_TOO_LONG,
    /** A value has characters outside printable characters (control characters). */
    PAYOUT_CSV_FIELD_INVALID,
    /** An amount that is not a plain positive decimal. */
    PAYOUT_CSV_BAD_AMOUNT,
    /** An amount with more decimals than its currency has. */
    PAYOUT_CSV_AMOUNT_SCALE,
    PAYOUT_CSV_UNKNOWN_CURRENCY,
    /** A date that is not ISO yyyy-MM-dd or not a real day. */
    PAYOUT_CSV_BAD_DATE,
    /** Neither an IBAN with a valid checksum nor "routing/account" with a valid routing check digit. */
    PAYOUT_CSV_BAD_ACCOUNT,
    PAYOUT_CSV_BAD_BIC,
    /** A payout row after the trailer rows. */
    PAYOUT_CSV_ROW_AFTER_TRAILER,
    /** A currency with payouts has no trailer row, or a trailer names a currency without payouts. */
    PAYOUT_CSV_MISSING_TRAILER,
    /** Two trailer rows for one currency. */
    PAYOUT_CSV_DUPLICATE_TRAILER,
    PAYOUT_CSV_TRAILER_COUNT_MISMATCH,
    PAYOUT_CSV_TRAILER_TOTAL_MISMATCH,
    /** A running total exceeded 64-bit minor units. */
    PAYOUT_CSV_TOTAL_OVERFLOW;

    private final boolean fatal;

    PayoutCsvViolation() {
        this(false);
    }

    PayoutCsvViolation(boolean fatal) {
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
