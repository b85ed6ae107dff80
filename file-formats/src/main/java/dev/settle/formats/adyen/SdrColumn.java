package dev.settle.formats.adyen;

import dev.settle.formats.generic.CsvColumn;

/**
 * The SDR columns this package understands, by header name. Columns are found by name, never by
 * position, so the classic 30-column order and newer reordered layouts read alike; any other
 * column in a file is ignored.
 */
public enum SdrColumn implements CsvColumn {
    COMPANY_ACCOUNT("Company Account", true),
    MERCHANT_ACCOUNT("Merchant Account", true),
    PSP_REFERENCE("Psp Reference", true),
    MERCHANT_REFERENCE("Merchant Reference", true),
    PAYMENT_METHOD("Payment Method", false),
    CREATION_DATE("Creation Date", true),
    TIME_ZONE("TimeZone", true),
    BOOKING_DATE("Booking Date", false),
    BOOKING_DATE_TIME_ZONE("Booking Date TimeZone", false),
    TYPE("Type", true),
    MODIFICATION_REFERENCE("Modification Reference", true),
    GROSS_CURRENCY("Gross Currency", true),
    GROSS_DEBIT("Gross Debit (GC)", true),
    GROSS_CREDIT("Gross Credit (GC)", true),
    EXCHANGE_RATE("Exchange Rate", false),
    NET_CURRENCY("Net Currency", true),
    NET_DEBIT("Net Debit (NC)", true),
    NET_CREDIT("Net Credit (NC)", true),
    COMMISSION("Commission (NC)", true),
    MARKUP("Markup (NC)", false),
    SCHEME_FEES("Scheme Fees (NC)", false),
    INTERCHANGE("Interchange (NC)", false),
    PAYMENT_METHOD_VARIANT("Payment Method Variant", false),
    MODIFICATION_MERCHANT_REFERENCE("Modification Merchant Reference", false),
    BATCH_NUMBER("Batch Number", true);

    private final String header;
    private final boolean required;

    SdrColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    /** The header text as Adyen writes it. */
    @Override
    public String header() {
        return header;
    }

    /** Whether a file without this column is refused ({@code ADYEN_MISSING_COLUMN}); optional ones read as empty. */
    @Override
    public boolean required() {
        return required;
    }
}
