package dev.settle.formats.pain002;

import dev.settle.formats.camt.XmlLocation;
import dev.settle.money.Money;
import java.util.List;

/**
 * One TxInfAndSts: the bank's verdict on one of our transfers.
 *
 * @param paymentInfoIndex 1-based index of the enclosing OrgnlPmtInfAndSts
 * @param originalEndToEndId OrgnlEndToEndId: the key back to our payout
 * @param status TxSts (RJCT, ACCP, ACSC, ACSP, PDNG...)
 * @param originalAmount OrgnlTxRef/Amt/InstdAmt, or null when not given
 */
public record Pain002TransactionStatus(
        int paymentInfoIndex,
        String statusId,
        String originalInstructionId,
        String originalEndToEndId,
        String status,
        List<Pain002StatusReason> reasons,
        Money originalAmount,
        XmlLocation location) implements Pain002Record {

    public Pain002TransactionStatus {
        reasons = List.copyOf(reasons);
    }

    public boolean rejected() {
        return "RJCT".equals(status);
    }

    /** The first reason code, or null. */
    public String reasonCode() {
        return reasons.isEmpty() ? null : reasons.get(0).code();
    }
}
