package dev.settle.jobs.payout;

import dev.settle.money.Money;
import java.time.LocalDate;

/**
 * A payout as a file writer needs it (from table {@code payout}).
 *
 * @param account IBAN, or "routing/account" for NACHA
 */
public record PayoutRow(String id, String merchantId, Money amount, String method, String bank, String beneficiaryName,
                        String account, String bic, String accountType, String endToEndId, LocalDate businessDate) {

    public String routingNumber() {
        return account.substring(0, account.indexOf('/'));
    }

    public String accountNumber() {
        return account.substring(account.indexOf('/') + 1);
    }
}
