package dev.settle.formats.payoutcsv;

import java.util.List;

/**
 * One row of a payout CSV file, as read: raw strings, nothing checked (see {@link PayoutCsvValidator}).
 *
 * <p>File layout (RFC 4180, comma, '"' quotes, LF records when Settle writes it): the header row
 * {@link PayoutCsv#HEADER}, then one {@link PayoutRow} per payout ({@code P,...}, 10 fields),
 * then one {@link TrailerRow} per currency in code order ({@code T,<payout count>,<total>,<currency>}).
 */
public sealed interface PayoutCsvRecord {

    /** 1-based physical line where the row starts. */
    long line();

    /**
     * A payout row ("P").
     *
     * @param account IBAN, or "routing/account" for US accounts
     * @param bic BIC8 or BIC11; may be empty (US accounts)
     * @param amount plain decimal in major units ("1250.50")
     * @param executionDate ISO yyyy-MM-dd
     */
    record PayoutRow(long line, String payoutId, String merchantId, String beneficiaryName, String account, String bic,
            String amount, String currency, String endToEndId, String executionDate) implements PayoutCsvRecord {

        /**
         * The typed payout. Only for a row the validator found clean.
         *
         * @throws dev.settle.money.MoneyException or {@link RuntimeException} subclasses when the row is not valid
         */
        public PayoutInstruction toInstruction() {
            return new PayoutInstruction(payoutId, merchantId, beneficiaryName, account, bic,
                    dev.settle.money.Money.of(new java.math.BigDecimal(amount), dev.settle.money.CurrencyUnit.of(currency)),
                    endToEndId, java.time.LocalDate.parse(executionDate));
        }
    }

    /** A trailer row ("T"): the payout count and amount total of one currency. */
    record TrailerRow(long line, String payoutCount, String totalAmount, String currency) implements PayoutCsvRecord {
    }

    /** A row whose type or field count does not fit; kept for its violation. */
    record BadRow(long line, List<String> fields) implements PayoutCsvRecord {
    }
}
