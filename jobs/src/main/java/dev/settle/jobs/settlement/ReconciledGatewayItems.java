package dev.settle.jobs.settlement;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The gateway captures and refunds that are ready to settle on a business date: recorded on or
 * before it, frozen by a final reconciliation match on or before it (view
 * {@code recon_frozen_item}), and not settled yet. One set-based query per step partition, in
 * statement order within each merchant and currency; merchants and currencies in the "C"
 * collation, which is the order of {@link String#compareTo} for their ASCII codes.
 */
final class ReconciledGatewayItems {

    private ReconciledGatewayItems() {
    }

    private static final String SELECT = """
            SELECT t.merchant_id, t.currency, t.id, t.kind, t.amount_minor, t.business_date, t.payment_id, t.psp_reference
              FROM gateway_transaction t
             WHERE t.kind IN ('capture', 'refund') AND t.business_date <= ?
               AND %s
               AND EXISTS (SELECT 1 FROM recon_frozen_item m WHERE m.item_key = 'txn:' || t.id AND m.matched_date <= ?)
               AND NOT EXISTS (SELECT 1 FROM settled_transaction s WHERE s.transaction_id = t.id)
             ORDER BY t.merchant_id COLLATE "C", t.currency COLLATE "C", t.business_date, t.created_at, t.id""";

    /** Parameters: date, partitions, partition, date. */
    static final String OF_PARTITION = SELECT.formatted("mod(abs(hashtext(t.merchant_id)), ?) = ?");

    /** Parameters: date, merchant, currency, date. */
    static final String OF_PAIR = SELECT.formatted("t.merchant_id = ? AND t.currency = ?");

    static String merchantId(ResultSet rs) throws SQLException {
        return rs.getString(1);
    }

    static String currency(ResultSet rs) throws SQLException {
        return rs.getString(2);
    }

    static SettlementItem item(ResultSet rs, CurrencyUnit ccy) throws SQLException {
        boolean capture = rs.getString(4).equals("capture");
        long minor = rs.getLong(5);
        return new SettlementItem(rs.getString(3), capture ? SettlementItem.Kind.CAPTURE : SettlementItem.Kind.REFUND,
                Money.ofMinor(capture ? minor : -minor, ccy), rs.getObject(6, LocalDate.class),
                rs.getString(7) + " " + rs.getString(8));
    }
}
