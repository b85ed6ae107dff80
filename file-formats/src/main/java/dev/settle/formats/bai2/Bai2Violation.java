package dev.settle.formats.bai2;

import dev.settle.formats.ViolationCode;

/** Stable reasons a BAI2 file is wrong. */
public enum Bai2Violation implements ViolationCode {
    /** A record code that BAI2 does not define (01, 02, 03, 16, 49, 88, 98, 99 are), e.g. "00". */
    BAI2_UNKNOWN_RECORD_CODE,
    /** A physical line that does not start with a record code and continues nothing. */
    BAI2_MALFORMED_RECORD,
    /** An 88 continuation with no record before it. */
    BAI2_ORPHAN_CONTINUATION,
    /** A YYMMDD field that is not a calendar date. */
    BAI2_INVALID_DATE,
    /** An amount that is not an optionally signed integer of implied decimals, or does not fit. */
    BAI2_BAD_AMOUNT,
    /** A count field (item count, record count, number of accounts/groups) that is not a number. */
    BAI2_BAD_NUMBER,
    /** A type code that is not three digits, or not allowed where it stands (a status code in a 16). */
    BAI2_BAD_TYPE_CODE,
    /** A funds type other than 0, 1, 2, S, V, D, Z (or blank), or its extra fields are malformed. */
    BAI2_BAD_FUNDS_TYPE,
    /** A currency code that is not an active ISO 4217 code. */
    BAI2_UNKNOWN_CURRENCY,
    /** A record where the 01/02/03/16/49/98/99 nesting does not allow it. */
    BAI2_UNEXPECTED_RECORD,
    /** A trailer (49/98/99) or header (01) that the nesting requires is missing. */
    BAI2_MISSING_RECORD,
    /** 49 control total ≠ Σ amounts of the account's 03 summaries and 16 details. */
    BAI2_ACCOUNT_CONTROL_TOTAL_MISMATCH,
    /** 49 record count ≠ records from 03 to 49 inclusive (88 continuations count). */
    BAI2_ACCOUNT_RECORD_COUNT_MISMATCH,
    /** 49 control total left blank although the account has non-zero amounts. */
    BAI2_CONTROL_TOTAL_BLANK,
    /** 98 control total ≠ Σ 49 control totals of the group. */
    BAI2_GROUP_CONTROL_TOTAL_MISMATCH,
    /** 98 number of accounts ≠ 03 records in the group. */
    BAI2_GROUP_ACCOUNT_COUNT_MISMATCH,
    /** 98 record count ≠ records from 02 to 98 inclusive. */
    BAI2_GROUP_RECORD_COUNT_MISMATCH,
    /** 99 control total ≠ Σ 98 control totals. */
    BAI2_FILE_CONTROL_TOTAL_MISMATCH,
    /** 99 number of groups ≠ 02 records. */
    BAI2_FILE_GROUP_COUNT_MISMATCH,
    /** 99 record count ≠ records from 01 to 99 inclusive. */
    BAI2_FILE_RECORD_COUNT_MISMATCH,
    /** A physical line longer than the reader accepts; reading stops. */
    BAI2_LINE_TOO_LONG {
        @Override
        public boolean fatal() {
            return true;
        }
    },
    /** The input stream failed; reading stops. */
    BAI2_IO_ERROR {
        @Override
        public boolean fatal() {
            return true;
        }
    };

    @Override
    public String code() {
        return name();
    }
}
