package dev.settle.formats.camt;

import dev.settle.formats.ViolationCode;

/** Every reason a camt.053 / camt.054 file is rejected or flagged. Codes never change once released. */
public enum CamtViolation implements ViolationCode {
    /** The bytes are not well-formed XML (truncated, bad encoding, DTD/entity use). */
    CAMT_MALFORMED_XML(true),
    /** The root is not a camt.053/camt.054 Document in a supported version (001.02, 001.04, 001.08). */
    CAMT_UNSUPPORTED_MESSAGE(true),
    /** The message has a group header but no Stmt (camt.053) / Ntfctn (camt.054) at all. */
    CAMT_MISSING_STATEMENT(true),
    /** A mandatory element (Amt, CdtDbtInd, Acct...) is absent. */
    CAMT_MISSING_FIELD(false),
    /** An amount is not a decimal number. */
    CAMT_BAD_AMOUNT(false),
    /** An amount has non-zero digits beyond the currency's minor unit (e.g. 8.85001 EUR). */
    CAMT_AMOUNT_SCALE_EXCEEDS_CURRENCY(false),
    /** An amount does not fit 64-bit minor units. */
    CAMT_AMOUNT_OVERFLOW(false),
    /** The Ccy attribute is not an active ISO 4217 code. */
    CAMT_UNKNOWN_CURRENCY(false),
    /** CdtDbtInd is neither CRDT nor DBIT. */
    CAMT_BAD_CREDIT_DEBIT_INDICATOR(false),
    /** A date is not an ISO date (YYYY-MM-DD) nor a date-time. */
    CAMT_BAD_DATE(false),
    /** RvslInd is not "true"/"false". */
    CAMT_BAD_REVERSAL_INDICATOR(false),
    /** Opening (OPBD, else PRCD) + Σ booked entries ≠ closing booked balance (CLBD). */
    CAMT_BALANCE_MISMATCH(false),
    /** Opening, closing and entries are not all in one currency, so the balance cannot be checked. */
    CAMT_BALANCE_CURRENCY_MISMATCH(false),
    /** An entry's batch NbOfTxs differs from the number of TxDtls given for it. */
    CAMT_BATCH_COUNT_MISMATCH(false),
    /** Non-whitespace text (e.g. U+00A0 indentation) sits between elements. */
    CAMT_UNEXPECTED_TEXT(false);

    private final boolean fatal;

    CamtViolation(boolean fatal) {
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
