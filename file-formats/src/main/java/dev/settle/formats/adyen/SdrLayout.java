package dev.settle.formats.adyen;

import java.util.List;

/**
 * Column orders the {@link AdyenSdrWriter} can emit. The reader accepts any order; these two are
 * the ones seen in the wild: the classic 30-column report and a newer one that adds booking dates,
 * moves the modification merchant reference and has extra columns (written empty here).
 */
public enum SdrLayout {
    /** The classic 30-column order, ending in Batch Number and Reserved4…Reserved10. */
    CLASSIC(List.of("Company Account", "Merchant Account", "Psp Reference", "Merchant Reference", "Payment Method",
            "Creation Date", "TimeZone", "Type", "Modification Reference", "Gross Currency", "Gross Debit (GC)",
            "Gross Credit (GC)", "Exchange Rate", "Net Currency", "Net Debit (NC)", "Net Credit (NC)", "Commission (NC)",
            "Markup (NC)", "Scheme Fees (NC)", "Interchange (NC)", "Payment Method Variant",
            "Modification Merchant Reference", "Batch Number", "Reserved4", "Reserved5", "Reserved6", "Reserved7",
            "Reserved8", "Reserved9", "Reserved10")),
    /** A newer order: booking date columns, references together, and extra columns we do not read. */
    NEWER(List.of("Company Account", "Merchant Account", "Psp Reference", "Merchant Reference", "Payment Method",
            "Creation Date", "TimeZone", "Booking Date", "Booking Date TimeZone", "Type", "Modification Reference",
            "Modification Merchant Reference", "Gross Currency", "Gross Debit (GC)", "Gross Credit (GC)",
            "Exchange Rate", "Net Currency", "Net Debit (NC)", "Net Credit (NC)", "Commission (NC)", "Markup (NC)",
            "Scheme Fees (NC)", "Interchange (NC)", "Payment Method Variant", "Batch Number", "Acquirer",
            "Issuer Country", "Shopper Country"));

    private final List<String> headers;

    SdrLayout(List<String> headers) {
        this.headers = headers;
    }

    public List<String> headers() {
        return headers;
    }
}
