package dev.settle.formats.nacha;

/**
 * The originator's own account, debited once per batch for the batch's credit total so the batch
 * balances (a "balanced file"). Only some ODFIs want this; the writer adds it when configured.
 *
 * @param accountType checking (offset code 27) or savings (37)
 * @param routingNumber 9-digit routing number with a valid check digit
 * @param accountNumber 1 to 17 characters
 * @param name (55-76) at most 22 characters
 */
public record OffsetAccount(AccountType accountType, String routingNumber, String accountNumber, String name) {
}
