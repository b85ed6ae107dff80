package dev.settle.formats.pain002;

import dev.settle.formats.ViolationCode;

/** Every reason a pain.002 status report is rejected or flagged. Codes never change once released. */
public enum Pain002Violation implements ViolationCode {
    /** Not well-formed XML (truncated, bad encoding, DTD/entity use). */
    PAIN002_MALFORMED_XML(true),
    /** The root is not a pain.002.001.03 / .10 Document with CstmrPmtStsRpt. */
    PAIN002_UNSUPPORTED_MESSAGE(true),
    /** A mandatory element is absent (OrgnlGrpInfAndSts, OrgnlMsgId, a transaction's original reference). */
    PAIN002_MISSING_FIELD(false),
    /** A status is not an ExternalPaymentTransactionStatus1Code (ACCP, ACSC, RJCT, PDNG...). */
    PAIN002_UNKNOWN_STATUS(false),
    /** A rejection (RJCT) gives no StsRsnInf/Rsn, so nobody can tell why the payout failed. */
    PAIN002_REJECTION_WITHOUT_REASON(false),
    /** OrgnlTxRef amount is not a decimal number. */
    PAIN002_BAD_AMOUNT(false),
    /** OrgnlTxRef amount has more decimals than its currency. */
    PAIN002_AMOUNT_SCALE_EXCEEDS_CURRENCY(false),
    /** OrgnlTxRef currency is not ISO 4217. */
    PAIN002_UNKNOWN_CURRENCY(false),
    /** Non-whitespace text between elements. */
    PAIN002_UNEXPECTED_TEXT(false);

    private final boolean fatal;

    Pain002Violation(boolean fatal) {
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
