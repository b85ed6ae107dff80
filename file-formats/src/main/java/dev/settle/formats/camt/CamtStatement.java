package dev.settle.formats.camt;

import dev.settle.money.CurrencyUnit;
import java.util.List;

/**
 * Header and balances of one Stmt (camt.053) or Ntfctn (camt.054), emitted before its entries.
 *
 * @param index 1-based position in the message
 * @param id Stmt/Id
 * @param electronicSequenceNumber ElctrncSeqNb as written (an ISO Number), or null
 * @param legalSequenceNumber LglSeqNb as written, or null
 * @param creationDateTime CreDtTm as written, or null
 * @param accountIban Acct/Id/IBAN, or null
 * @param accountOtherId Acct/Id/Othr/Id when the account has no IBAN, or null
 * @param currency Acct/Ccy, or null when absent or unknown
 * @param balances every Bal in file order (camt.054 usually has none)
 */
public record CamtStatement(
        int index,
        String id,
        String electronicSequenceNumber,
        String legalSequenceNumber,
        String creationDateTime,
        String accountIban,
        String accountOtherId,
        CurrencyUnit currency,
        List<CamtBalance> balances,
        XmlLocation location) implements CamtRecord {

    public CamtStatement {
        balances = List.copyOf(balances);
    }

    /** The first balance with this type code, or null. */
    public CamtBalance balance(String typeCode) {
        for (CamtBalance b : balances) {
            if (typeCode.equals(b.typeCode())) {
                return b;
            }
        }
        return null;
    }
}
