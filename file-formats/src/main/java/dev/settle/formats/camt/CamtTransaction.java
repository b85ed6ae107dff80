package dev.settle.formats.camt;

import dev.settle.money.Money;
import java.util.List;

/**
 * One TxDtls of an entry.
 *
 * @param endToEndId Refs/EndToEndId ("NOTPROVIDED" is kept as written)
 * @param accountServicerRef Refs/AcctSvcrRef
 * @param instructionId Refs/InstrId
 * @param transactionId Refs/TxId
 * @param amount TxDtls/Amt (001.04+) or AmtDtls/TxAmt/Amt; null when absent
 * @param returnReasonCode RtrInf/Rsn/Cd (e.g. AC01, MD06), or its Prtry, or null
 * @param unstructuredRemittance every RmtInf/Ustrd line
 * @param structuredReference RmtInf/Strd/CdtrRefInf/Ref, or null
 * @param debtorName RltdPties/Dbtr/Nm (Dbtr/Pty/Nm in 001.08)
 * @param debtorIban RltdPties/DbtrAcct/Id/IBAN
 * @param creditorName RltdPties/Cdtr/Nm (Cdtr/Pty/Nm in 001.08)
 * @param creditorIban RltdPties/CdtrAcct/Id/IBAN
 */
public record CamtTransaction(
        String endToEndId,
        String accountServicerRef,
        String instructionId,
        String transactionId,
        Money amount,
        String returnReasonCode,
        List<String> unstructuredRemittance,
        String structuredReference,
        String debtorName,
        String debtorIban,
        String creditorName,
        String creditorIban,
        XmlLocation location) {

    public CamtTransaction {
        unstructuredRemittance = List.copyOf(unstructuredRemittance);
    }

    /** The other party of a booking: the debtor of a credit, the creditor of a debit. */
    public String counterpartyName(CreditDebit entryDirection) {
        return entryDirection == CreditDebit.DBIT ? creditorName : debtorName;
    }

    public String counterpartyIban(CreditDebit entryDirection) {
        return entryDirection == CreditDebit.DBIT ? creditorIban : debtorIban;
    }
}
