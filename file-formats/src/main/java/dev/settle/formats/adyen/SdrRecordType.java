package dev.settle.formats.adyen;

import java.util.HashMap;
import java.util.Map;

/**
 * The record types ("Type" column) of the Settlement Details Report, spelled as Adyen writes them.
 * {@link #UNKNOWN} stands for any other text; the line keeps that text and validation reports
 * {@code ADYEN_UNKNOWN_TYPE}, so a new type Adyen introduces is a finding, not a crash.
 */
public enum SdrRecordType {
    SETTLED("Settled", true),
    SETTLED_BULK("SettledBulk", false),
    REFUNDED("Refunded", true),
    REFUNDED_BULK("RefundedBulk", false),
    REFUNDED_EXTERNALLY("RefundedExternally", true),
    CHARGEBACK("Chargeback", true),
    CHARGEBACK_EXTERNALLY("ChargebackExternally", true),
    SECOND_CHARGEBACK("SecondChargeback", true),
    CHARGEBACK_REVERSED("ChargebackReversed", true),
    CHARGEBACK_REVERSED_EXTERNALLY("ChargebackReversedExternally", true),
    REFUNDED_REVERSED("RefundedReversed", true),
    REFUND_NOT_CLEARED("RefundNotCleared", true),
    FEE("Fee", false),
    MISC_COSTS("MiscCosts", false),
    MERCHANT_PAYOUT("MerchantPayout", false),
    BALANCETRANSFER("Balancetransfer", false),
    DEPOSIT_CORRECTION("DepositCorrection", false),
    INVOICE_DEDUCTION("InvoiceDeduction", false),
    PAYMENT_COST("PaymentCost", true),
    RESERVE_ADJUSTMENT("ReserveAdjustment", false),
    MATCHED_STATEMENT("MatchedStatement", false),
    MANUAL_CORRECTED("ManualCorrected", false),
    ADVANCEMENT_COMMISSION_EXTERNALLY("AdvancementCommissionExternally", false),
    UNKNOWN("", false);

    private static final Map<String, SdrRecordType> BY_TEXT = new HashMap<>();

    static {
        for (SdrRecordType t : values()) {
            if (t != UNKNOWN) {
                BY_TEXT.put(t.text, t);
            }
        }
    }

    private final String text;
    private final boolean paymentRelated;

    SdrRecordType(String text, boolean paymentRelated) {
        this.text = text;
        this.paymentRelated = paymentRelated;
    }

    /** The type as written in the Type column ("SettledBulk"); empty for {@link #UNKNOWN}. */
    public String text() {
        return text;
    }

    /**
     * Whether a row of this type is about one payment and so must carry its Psp Reference. Bulk,
     * fee, payout and balance rows have none (their reference, if any, is a modification reference).
     */
    public boolean requiresPspReference() {
        return paymentRelated;
    }

    /** The type for the exact (case-sensitive) text, or {@link #UNKNOWN}. */
    public static SdrRecordType fromText(String text) {
        SdrRecordType t = BY_TEXT.get(text);
        return t == null ? UNKNOWN : t;
    }
}
