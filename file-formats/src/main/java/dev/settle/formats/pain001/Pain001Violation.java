package dev.settle.formats.pain001;

import dev.settle.formats.ViolationCode;

/** Every reason a pain.001 file is rejected or flagged. Codes never change once released. */
public enum Pain001Violation implements ViolationCode {
    /** Not well-formed XML (truncated, bad encoding, DTD/entity use). */
    PAIN001_MALFORMED_XML(true),
    /** The root is not a pain.001.001.03 / .09 Document with CstmrCdtTrfInitn. */
    PAIN001_UNSUPPORTED_MESSAGE(true),
    /** A mandatory element is absent (EndToEndId, InstdAmt, Ccy...). */
    PAIN001_MISSING_FIELD(false),
    /** An amount or CtrlSum is not a decimal number. */
    PAIN001_BAD_AMOUNT(false),
    /** An amount has non-zero digits beyond the currency's minor unit. */
    PAIN001_AMOUNT_SCALE_EXCEEDS_CURRENCY(false),
    /** An amount or a total does not fit 64-bit minor units. */
    PAIN001_AMOUNT_OVERFLOW(false),
    /** The Ccy attribute is not an active ISO 4217 code (e.g. "JLU"). */
    PAIN001_UNKNOWN_CURRENCY(false),
    /** NbOfTxs is not a number. */
    PAIN001_BAD_NUMBER_OF_TXS(false),
    /** A date is not an ISO date. */
    PAIN001_BAD_DATE(false),
    /** An IBAN fails the ISO 13616 pattern or its mod-97 check digits. */
    PAIN001_BAD_IBAN(false),
    /** GrpHdr/NbOfTxs differs from the number of CdtTrfTxInf in the message. */
    PAIN001_GROUP_NB_OF_TXS_MISMATCH(false),
    /** GrpHdr/CtrlSum differs from the sum of all instructed amounts. */
    PAIN001_GROUP_CTRL_SUM_MISMATCH(false),
    /** PmtInf/NbOfTxs differs from the number of CdtTrfTxInf in that PmtInf. */
    PAIN001_PMTINF_NB_OF_TXS_MISMATCH(false),
    /** PmtInf/CtrlSum differs from the sum of that PmtInf's instructed amounts. */
    PAIN001_PMTINF_CTRL_SUM_MISMATCH(false),
    /** Non-whitespace text (e.g. U+00A0 indentation) between elements; the XSD rejects it. */
    PAIN001_UNEXPECTED_TEXT(false);

    private final boolean fatal;

    Pain001Violation(boolean fatal) {
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
