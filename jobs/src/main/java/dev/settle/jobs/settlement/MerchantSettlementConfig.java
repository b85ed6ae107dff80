package dev.settle.jobs.settlement;

import dev.settle.money.CurrencyUnit;
import java.util.Objects;

/**
 * A merchant's settlement configuration in one currency: its terms and where its payouts go.
 *
 * @param payoutMethod NACHA (USD only), PAIN001 or CSV
 * @param payoutBank name of the configured bank ({@code settle.payout.banks[n].name}) whose outbox gets the file
 * @param iban for PAIN001 (and CSV when no routing number is given)
 * @param routingNumber 9 digits, for NACHA (and CSV "routing/account")
 * @param accountType checking or savings (NACHA)
 * @param onReturn {@code repay}: a returned payout is paid again in the next settlement; {@code hold}: it
 *     waits for finance
 */
public record MerchantSettlementConfig(
        String merchantId,
        SettlementTerms terms,
        String payoutMethod,
        String payoutBank,
        String beneficiaryName,
        String iban,
        String bic,
        String routingNumber,
        String accountNumber,
        String accountType,
        String onReturn) {

    public MerchantSettlementConfig {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(terms, "terms");
        if (!java.util.Set.of("NACHA", "PAIN001", "CSV").contains(payoutMethod)) {
            throw new IllegalArgumentException("payout method must be NACHA, PAIN001 or CSV, was " + payoutMethod);
        }
        if (payoutMethod.equals("NACHA") && (terms.currency() != CurrencyUnit.USD || routingNumber == null || accountNumber == null)) {
            throw new IllegalArgumentException("NACHA payouts need USD and a routing and account number");
        }
        if (payoutMethod.equals("PAIN001") && iban == null) {
            throw new IllegalArgumentException("pain.001 payouts need an IBAN");
        }
        payoutBank = payoutBank == null ? "default" : payoutBank;
        accountType = accountType == null ? "checking" : accountType;
        onReturn = onReturn == null ? "repay" : onReturn;
        bic = bic == null ? "" : bic;
    }

    public CurrencyUnit currency() {
        return terms.currency();
    }

    /** The account as payout files carry it: the IBAN, or "routing/account". */
    public String payoutAccount() {
        return routingNumber != null && !payoutMethod.equals("PAIN001") ? routingNumber + "/" + accountNumber : iban;
    }
}
