package dev.settle.formats.stripe;

import dev.settle.formats.generic.CsvColumn;

/** The report columns this package reads, by header name (any order; other columns ignored). */
public enum StripeColumn implements CsvColumn {
    BALANCE_TRANSACTION_ID("balance_transaction_id", true),
    CREATED_UTC("created_utc", true),
    CREATED("created", false),
    AVAILABLE_ON_UTC("available_on_utc", false),
    CURRENCY("currency", true),
    GROSS("gross", true),
    FEE("fee", true),
    NET("net", true),
    REPORTING_CATEGORY("reporting_category", true),
    SOURCE_ID("source_id", false),
    DESCRIPTION("description", false),
    CUSTOMER_FACING_AMOUNT("customer_facing_amount", false),
    CUSTOMER_FACING_CURRENCY("customer_facing_currency", false),
    AUTOMATIC_PAYOUT_ID("automatic_payout_id", false),
    AUTOMATIC_PAYOUT_EFFECTIVE_AT_UTC("automatic_payout_effective_at_utc", false),
    AUTOMATIC_PAYOUT_EFFECTIVE_AT("automatic_payout_effective_at", false),
    CHARGE_ID("charge_id", false),
    PAYMENT_INTENT_ID("payment_intent_id", false);

    private final String header;
    private final boolean required;

    StripeColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public boolean required() {
        return required;
    }
}
