package dev.settle.formats.payoutcsv;

import dev.settle.money.Money;
import java.time.LocalDate;

/**
 * One payout to write (or read back from a validated row).
 *
 * @param account IBAN (no spaces) or "routing/account"
 * @param bic BIC8/BIC11 or empty
 */
public record PayoutInstruction(
        String payoutId,
        String merchantId,
        String beneficiaryName,
        String account,
        String bic,
        Money amount,
        String endToEndId,
        LocalDate executionDate) {
}
