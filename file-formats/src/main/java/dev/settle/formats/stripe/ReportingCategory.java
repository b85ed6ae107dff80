package dev.settle.formats.stripe;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stripe's {@code reporting_category} values (the grouping of balance transactions used by the
 * balance and payout reconciliation reports). {@link #UNKNOWN} stands for any other text, kept by
 * the row and reported by validation ({@code STRIPE_UNKNOWN_CATEGORY}).
 */
public enum ReportingCategory {
    CHARGE, REFUND, REFUND_FAILURE, DISPUTE, DISPUTE_REVERSAL, PARTIAL_CAPTURE_REVERSAL,
    PAYOUT, PAYOUT_REVERSAL, TRANSFER, TRANSFER_REVERSAL, FEE, ADJUSTMENT, OTHER_ADJUSTMENT,
    CONNECT_COLLECTION_TRANSFER, CONNECT_RESERVED_FUNDS, PLATFORM_EARNING, PLATFORM_EARNING_REFUND,
    RISK_RESERVED_FUNDS, UNRECONCILED_CUSTOMER_FUNDS, TAX, TOPUP, TOPUP_REVERSAL,
    ISSUING_AUTHORIZATION_HOLD, ISSUING_AUTHORIZATION_RELEASE, ISSUING_DISPUTE, ISSUING_TRANSACTION,
    ANTICIPATION_REPAYMENT, CLIMATE_ORDER_PURCHASE, CLIMATE_ORDER_REFUND, FINANCING_PAYDOWN,
    CHARGE_FAILURE, PAYMENT_NETWORK_RESERVE_HOLD, PAYMENT_NETWORK_RESERVE_RELEASE, OBLIGATION,
    UNKNOWN;

    private static final Map<String, ReportingCategory> BY_TEXT = new HashMap<>();

    static {
        for (ReportingCategory c : values()) {
            if (c != UNKNOWN) {
                BY_TEXT.put(c.text(), c);
            }
        }
    }

    /** The category as Stripe writes it ("dispute_reversal"); empty for {@link #UNKNOWN}. */
    public String text() {
        return this == UNKNOWN ? "" : name().toLowerCase(Locale.ROOT);
    }

    /** The category for the exact text, or {@link #UNKNOWN}. */
    public static ReportingCategory fromText(String text) {
        ReportingCategory c = BY_TEXT.get(text);
        return c == null ? UNKNOWN : c;
    }
}
