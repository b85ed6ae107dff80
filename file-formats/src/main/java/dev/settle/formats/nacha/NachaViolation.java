package dev.settle.formats.nacha;

import dev.settle.formats.ViolationCode;

/** Stable codes for everything wrong with a NACHA file, as read or as about to be written. */
public enum NachaViolation implements ViolationCode {
    /** A line is not exactly 94 characters (terminator excluded). */
    NACHA_LINE_LENGTH,
    /** A line is so long (over {@link NachaReader#MAX_LINE_CHARS}) that the file cannot be NACHA; fatal. */
    NACHA_LINE_TOO_LONG(true),
    /** The stream could not be read (I/O error); fatal. */
    NACHA_UNREADABLE(true),
    /** No records at all. */
    NACHA_EMPTY_FILE(true),
    /** The first character of a line is not 1, 5, 6, 7, 8 or 9. */
    NACHA_UNKNOWN_RECORD_TYPE,
    /** A record appears where the file structure does not allow it (e.g. an entry outside a batch). */
    NACHA_RECORD_ORDER,
    /** The file ends without a file control record. */
    NACHA_MISSING_FILE_CONTROL,
    /** A batch is not closed by a batch control record before the next batch or the file control. */
    NACHA_MISSING_BATCH_CONTROL,
    /** File header record size, blocking factor or format code is not 094 / 10 / 1. */
    NACHA_BAD_HEADER_FIELD,
    /** An amount field is not all digits. */
    NACHA_BAD_AMOUNT,
    /** A routing number or DFI identification is not all digits. */
    NACHA_BAD_ROUTING,
    /** A 9-digit routing number fails the ABA check digit. */
    NACHA_ROUTING_CHECK_DIGIT,
    /** A count, hash, trace or batch number field is not all digits. */
    NACHA_BAD_NUMERIC,
    /** A transaction code that NACHA does not define. */
    NACHA_UNKNOWN_TRANSACTION_CODE,
    /** A prenote/zero-dollar transaction code with a non-zero amount. */
    NACHA_PRENOTE_AMOUNT_NOT_ZERO,
    /** A service class code other than 200, 220, 225, 280. */
    NACHA_UNKNOWN_SERVICE_CLASS,
    /** A debit entry in a credits-only (220) batch, or a credit in a debits-only (225) batch. */
    NACHA_SERVICE_CLASS_ENTRY_MISMATCH,
    /** Addenda indicator and addenda records disagree (addenda without indicator 1, or 1 without addenda). */
    NACHA_ADDENDA_INDICATOR_MISMATCH,
    /** A return (99) or change (98) addenda with a reason code NACHA does not define. */
    NACHA_UNKNOWN_REASON_CODE,
    /** Batch control service class, company id, ODFI or batch number differ from the batch header. */
    NACHA_BATCH_HEADER_CONTROL_MISMATCH,
    NACHA_BATCH_ENTRY_COUNT_MISMATCH,
    NACHA_BATCH_ENTRY_HASH_MISMATCH,
    NACHA_BATCH_DEBIT_TOTAL_MISMATCH,
    NACHA_BATCH_CREDIT_TOTAL_MISMATCH,
    NACHA_FILE_BATCH_COUNT_MISMATCH,
    NACHA_FILE_BLOCK_COUNT_MISMATCH,
    NACHA_FILE_ENTRY_COUNT_MISMATCH,
    NACHA_FILE_ENTRY_HASH_MISMATCH,
    NACHA_FILE_DEBIT_TOTAL_MISMATCH,
    NACHA_FILE_CREDIT_TOTAL_MISMATCH,
    /** A running total exceeded 64-bit minor units (only a hostile file can do this). */
    NACHA_TOTAL_OVERFLOW,
    // Writer-side codes: raised before anything is written.
    /** A value is longer than its NACHA field. */
    NACHA_FIELD_TOO_LONG,
    /** A value is missing or blank where NACHA requires one. */
    NACHA_FIELD_REQUIRED,
    /** A value has characters outside printable ASCII (0x20-0x7E) or the wrong shape (e.g. a date). */
    NACHA_FIELD_INVALID,
    /** An amount that is not positive or exceeds the 10-digit field (99,999,999.99 USD). */
    NACHA_AMOUNT_OUT_OF_RANGE,
    /** A currency other than USD. */
    NACHA_UNSUPPORTED_CURRENCY,
    /** A control total or count no longer fits its field, or differs from the caller's expectation. */
    NACHA_CONTROL_TOTAL;

    private final boolean fatal;

    NachaViolation() {
        this(false);
    }

    NachaViolation(boolean fatal) {
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
