package dev.settle.formats.bai2;

import dev.settle.money.CurrencyUnit;
import java.util.List;

/**
 * 03 Account Identifier and Summary: 03,account,currency,(typeCode,amount,itemCount,fundsType[,extras])*&#47;
 *
 * @param currencyCode as found, null when blank
 * @param currency the currency of every amount of this account: {@code currencyCode}, else the group's,
 *     else the reader's default; null when the code is not ISO 4217 (a violation says so)
 */
public record Bai2AccountIdentifier(String accountNumber, String currencyCode, CurrencyUnit currency,
        List<Bai2Summary> summaries, long line, int physicalRecords) implements Bai2Record {

    public Bai2AccountIdentifier {
        summaries = List.copyOf(summaries);
    }

    @Override
    public String recordCode() {
        return "03";
    }
}
