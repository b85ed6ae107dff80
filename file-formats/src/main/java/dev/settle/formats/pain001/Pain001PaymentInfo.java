package dev.settle.formats.pain001;

import dev.settle.formats.camt.XmlLocation;
import java.time.LocalDate;

/**
 * Header of one PmtInf (a debtor account and execution date), emitted before its transfers.
 *
 * @param index 1-based position in the message
 * @param numberOfTransactions NbOfTxs as written, or null
 * @param controlSum CtrlSum as written, or null
 * @param requestedExecutionDate ReqdExctnDt (001.03) or ReqdExctnDt/Dt, date part of /DtTm (001.09)
 * @param debtorBic DbtrAgt/FinInstnId/BIC (001.03) or BICFI (001.09)
 */
public record Pain001PaymentInfo(
        int index,
        String paymentInfoId,
        String paymentMethod,
        String numberOfTransactions,
        String controlSum,
        LocalDate requestedExecutionDate,
        String debtorName,
        String debtorIban,
        String debtorOtherId,
        String debtorBic,
        XmlLocation location) implements Pain001Record {
}
