package dev.settle.formats.camt;

import dev.settle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * One Ntry: a booking on the account, with its 1:N transaction details (a batch booking carries many).
 *
 * @param statementIndex 1-based index of the enclosing statement
 * @param amount Amt, unsigned as written; null when unreadable (a violation says why)
 * @param creditDebit CdtDbtInd; null when missing or unknown
 * @param reversal RvslInd: true when this entry reverses an earlier booking (CdtDbtInd still gives
 *     the direction of this booking)
 * @param status Sts (BOOK, PDNG, INFO), from Sts or Sts/Cd in 001.08
 * @param bookingDate BookgDt (date part of DtTm too)
 * @param valueDate ValDt
 * @param accountServicerRef AcctSvcrRef
 * @param bankTxDomainCode BkTxCd/Domn as "Cd/Fmly Cd/SubFmlyCd" (e.g. "PMNT/RCDT/ESCT"), or null
 * @param bankTxProprietaryCode BkTxCd/Prtry/Cd, or null
 * @param batchNumberOfTxs NtryDtls/Btch/NbOfTxs as written, or null
 * @param transactions every TxDtls of every NtryDtls, in file order
 */
public record CamtEntry(
        int statementIndex,
        Money amount,
        CreditDebit creditDebit,
        boolean reversal,
        String status,
        LocalDate bookingDate,
        LocalDate valueDate,
        String accountServicerRef,
        String bankTxDomainCode,
        String bankTxProprietaryCode,
        Integer batchNumberOfTxs,
        List<CamtTransaction> transactions,
        XmlLocation location) implements CamtRecord {

    public CamtEntry {
        transactions = List.copyOf(transactions);
    }

    /** The amount signed by the indicator (debits negative), or null when either is unknown. */
    public Money signedAmount() {
        if (amount == null || creditDebit == null) {
            return null;
        }
        return creditDebit == CreditDebit.DBIT ? amount.negate() : amount;
    }
}
