package dev.settle.jobs.settlement;

import dev.settle.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One reconciled money movement to settle: a gateway capture or refund, or a dispute event.
 *
 * @param id the settled-once key: a gateway transaction id ({@code txn_…}) or
 *     {@code dispute_event:<file>:<line>}
 * @param amount signed from the merchant's side: captures and chargeback reversals positive,
 *     refunds and chargebacks negative
 * @param reference what the merchant recognises: payment id, PSP reference
 */
public record SettlementItem(String id, Kind kind, Money amount, LocalDate businessDate, String reference) {

    public enum Kind {
        CAPTURE(1), REFUND(-1), CHARGEBACK(-1), SECOND_CHARGEBACK(-1), CHARGEBACK_REVERSAL(1);

        private final int sign;

        Kind(int sign) {
            this.sign = sign;
        }

        /** The sign the amount of this kind must have. */
        public int sign() {
            return sign;
        }

        public StatementLine.Type lineType() {
            return StatementLine.Type.valueOf(name());
        }
    }

    public SettlementItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() != kind.sign()) {
            throw new IllegalArgumentException(kind + " " + id + " must have sign " + kind.sign() + ", was " + amount);
        }
        reference = reference == null ? "" : reference;
    }
}
