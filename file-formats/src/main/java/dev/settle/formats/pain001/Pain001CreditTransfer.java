package dev.settle.formats.pain001;

import dev.settle.formats.camt.XmlLocation;
import dev.settle.money.Money;
import java.util.List;

/**
 * One CdtTrfTxInf.
 *
 * @param paymentInfoIndex 1-based index of the enclosing PmtInf
 * @param instructionId PmtId/InstrId (Max35Text), or null
 * @param endToEndId PmtId/EndToEndId (Max35Text)
 * @param amount Amt/InstdAmt (or Amt/EqvtAmt/Amt); null when unreadable
 * @param creditorBic CdtrAgt/FinInstnId/BIC or BICFI, or null
 * @param remittanceUnstructured RmtInf/Ustrd lines (Max140Text each)
 */
public record Pain001CreditTransfer(
        int paymentInfoIndex,
        String instructionId,
        String endToEndId,
        Money amount,
        String creditorName,
        String creditorIban,
        String creditorBic,
        List<String> remittanceUnstructured,
        XmlLocation location) implements Pain001Record {

    public Pain001CreditTransfer {
        remittanceUnstructured = List.copyOf(remittanceUnstructured);
    }

    /** A transfer to write: no enclosing index or location yet. */
    public static Pain001CreditTransfer of(String endToEndId, Money amount, String creditorName, String creditorIban,
            String creditorBic, String remittance) {
        return new Pain001CreditTransfer(0, null, endToEndId, amount, creditorName, creditorIban, creditorBic,
                remittance == null ? List.of() : List.of(remittance), XmlLocation.NONE);
    }
}
