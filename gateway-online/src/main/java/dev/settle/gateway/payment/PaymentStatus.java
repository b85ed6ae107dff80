package dev.settle.gateway.payment;

import java.util.Locale;

/**
 * The life of a payment. {@code PENDING} is internal (between our insert and the acquirer's
 * answer) and is shown as {@code unknown}: to the merchant both mean "not decided yet, do not
 * charge again". Allowed moves:
 * <pre>
 * pending ─┬─▶ authorized ─┬─▶ captured ─┬─▶ partially_refunded ─▶ refunded
 *          ├─▶ declined    └─▶ voided    └─▶ refunded
 *          └─▶ unknown ─▶ authorized | declined   (resolver, by asking the acquirer)
 * </pre>
 */
public enum PaymentStatus {
    PENDING, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, VOIDED, DECLINED, UNKNOWN;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the API shows. */
    public String wireName() {
        return this == PENDING ? "unknown" : dbName();
    }

    public static PaymentStatus ofDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Parses a status filter as the API spells it; null when it is not a status. */
    public static PaymentStatus ofWire(String value) {
        for (PaymentStatus s : values()) {
            if (s != PENDING && s.wireName().equals(value)) {
                return s;
            }
        }
        return null;
    }

    public boolean refundable() {
        return this == CAPTURED || this == PARTIALLY_REFUNDED;
    }
}
