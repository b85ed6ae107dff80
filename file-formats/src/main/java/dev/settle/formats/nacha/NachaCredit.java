package dev.settle.formats.nacha;

import dev.settle.money.Money;

/**
 * One payout as a credit entry (transaction code 22 or 32).
 *
 * @param accountType checking (22) or savings (32)
 * @param routingNumber 9-digit RDFI routing number with a valid check digit (4-12)
 * @param accountNumber (13-29) 1 to 17 characters
 * @param amount USD only, 0.01 to 99,999,999.99 (30-39)
 * @param identificationNumber (40-54) at most 15 characters, e.g. the payout id; may be empty
 * @param receiverName (55-76) at most 22 characters; longer names are refused, never truncated
 * @param discretionaryData (77-78) at most 2 characters, may be empty
 */
public record NachaCredit(
        AccountType accountType,
        String routingNumber,
        String accountNumber,
        Money amount,
        String identificationNumber,
        String receiverName,
        String discretionaryData) {
}
