package dev.settle.formats.mt940;

import dev.settle.formats.ViolationCode;

/** Stable reasons an MT940 file or statement is wrong. */
public enum Mt940Violation implements ViolationCode {
    /** A YYMMDD or MMDD value that is not a calendar date (e.g. "160230", 30 February). */
    MT940_INVALID_DATE,
    /** An amount that is not digits with one ',' decimal separator, or finer than the currency. */
    MT940_BAD_AMOUNT,
    /** A currency code that is not an active ISO 4217 code (e.g. DEM, withdrawn in 2002). */
    MT940_UNKNOWN_CURRENCY,
    /** A debit/credit mark other than C, D, RC, RD. */
    MT940_BAD_MARK,
    /** A field whose content does not have the layout of its tag (e.g. :61: without an amount). */
    MT940_MALFORMED_FIELD,
    /** A mandatory tag (:20:, :25:, :28C:, :60F:/:60M:, :62F:/:62M:) is missing from a statement. */
    MT940_MISSING_TAG,
    /** A tag where the statement structure does not allow it (e.g. a second :25: after :61:). */
    MT940_UNEXPECTED_TAG_ORDER,
    /** A tag line outside any statement (before the first :20:). */
    MT940_TAG_OUTSIDE_STATEMENT,
    /** Opening, closing, available balances and entries of one statement are in different currencies. */
    MT940_CURRENCY_MISMATCH,
    /** Opening balance + Σ entries ≠ closing balance. */
    MT940_BALANCE_MISMATCH,
    /** A physical line longer than the reader accepts; reading stops. */
    MT940_LINE_TOO_LONG {
        @Override
        public boolean fatal() {
            return true;
        }
    },
    /** The input stream failed; reading stops. */
    MT940_IO_ERROR {
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
