package dev.settle.jobs.settlement;

import dev.settle.jobs.reconcile.MatchOutcome;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The gateway captures and refunds that are ready to settle on a business date: recorded on or
 * before it, frozen by a final reconciliation match on or before it (what view
 * {@code recon_frozen_transaction} holds), and not settled yet. One set-based query per step partition,
 * grouped by merchant and currency in the "C" collation (the order of {@link String#compareTo}
 * for their ASCII codes); {@link #inStatementOrder} orders each pair's items.
 *
 * <p>The database sorts by merchant and currency only: sorting a million-payment day by the whole
 * statement order (date, creation time, id) took 2.4 s of a partition's 5.3 s query, where
 * sorting each pair's items here costs milliseconds.
 */
final class ReconciledGatewayItems {

    private ReconciledGatewayItems() {
    }

    /**
     * {@code %1$s} selects the merchants on {@code t}, {@code %2$s} the same merchants' leg-1
     * matches on {@code r}. The frozen lookup is view {@code recon_frozen_transaction} written out
     * so that its leg-1 side can be narrowed: the database hashes the matches before it probes them,
     * and through the view each partition hashed every merchant's matches of the whole history
     * (1.06M keys, about a third of a partition's 2 s query after one 1M day). A leg-1 final match
     * names our transaction as its item and carries that transaction's merchant
     * (ReconciliationSql.leg1), so the narrowed side holds every match of the merchants read here.
     * Manual matches have no merchant and are few: all of them are read.
     */
    private static final String SELECT = """
            SELECT t.merchant_id, t.currency, t.id, t.kind, t.amount_minor, t.business_date, t.payment_id, t.psp_reference,
                   t.created_at
              FROM gateway_transaction t
             WHERE t.kind IN ('capture', 'refund') AND t.business_date <= ?
               AND %1$s
               AND EXISTS (SELECT 1
                             FROM (SELECT r.item_key, r.result_date AS matched_date FROM recon_result r
                                    WHERE r.leg = 1 AND r.outcome IN %3$s AND %2$s
                                   UNION ALL
                                   SELECT m.item_key, m.matched_date FROM recon_matched_item m) f
                            WHERE f.item_key = 'txn:' || t.id AND f.matched_date <= ?)
               AND NOT EXISTS (SELECT 1 FROM settled_transaction s WHERE s.transaction_id = t.id)
             ORDER BY t.merchant_id COLLATE "C", t.currency COLLATE "C"
            """;

    private static final String OF_PARTITION = SELECT.formatted("mod(abs(hashtext(t.merchant_id)), ?) = ?",
            "mod(abs(hashtext(r.merchant_id)), ?) = ?", MatchOutcome.FINAL_SQL_LIST);

    private static final String OF_PAIR = SELECT.formatted("t.merchant_id = ? AND t.currency = ?",
            "r.merchant_id = ? AND r.currency = ?", MatchOutcome.FINAL_SQL_LIST);

    /** The items of one hash partition by merchant, as a statement whose results {@link #row} reads. */
    static PreparedStatement ofPartition(Connection connection, LocalDate businessDate, int partition, int partitions)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(OF_PARTITION);
        Date date = Date.valueOf(businessDate);
        statement.setDate(1, date);
        statement.setInt(2, partitions);
        statement.setInt(3, partition);
        statement.setInt(4, partitions);
        statement.setInt(5, partition);
        statement.setDate(6, date);
        return statement;
    }

    /** The items of one merchant and currency, in statement order. */
    static List<SettlementItem> ofPair(JdbcTemplate jdbc, String merchantId, CurrencyUnit ccy, LocalDate businessDate) {
        return inStatementOrder(jdbc.query(OF_PAIR, (rs, n) -> row(rs, ccy), businessDate, merchantId, ccy.code(),
                merchantId, ccy.code(), businessDate));
    }

    /** A pair's item with the creation time that orders it among items of its business date. */
    record Row(SettlementItem item, Instant createdAt) {
    }

    /**
     * Statement order: by business date, then creation time, then id (the id only breaks ties).
     * Written out rather than chained with {@code Comparator.comparing}: a 1M day sorts about 14M
     * pairs, and the chained key extractors were an eighth of the settle step's Java samples.
     */
    private static final Comparator<Row> STATEMENT_ORDER = (a, b) -> {
        int byDate = a.item().businessDate().compareTo(b.item().businessDate());
        if (byDate != 0) {
            return byDate;
        }
        int byTime = a.createdAt().compareTo(b.createdAt());
        return byTime != 0 ? byTime : a.item().id().compareTo(b.item().id());
    };

    static List<SettlementItem> inStatementOrder(List<Row> rows) {
        return rows.stream().sorted(STATEMENT_ORDER).map(Row::item).toList();
    }

    static String merchantId(ResultSet rs) throws SQLException {
        return rs.getString(1);
    }

    static String currency(ResultSet rs) throws SQLException {
        return rs.getString(2);
    }

    static Row row(ResultSet rs, CurrencyUnit ccy) throws SQLException {
        boolean capture = rs.getString(4).equals("capture");
        long minor = rs.getLong(5);
        Timestamp createdAt = rs.getTimestamp(9);
        return new Row(new SettlementItem(rs.getString(3), capture ? SettlementItem.Kind.CAPTURE : SettlementItem.Kind.REFUND,
                Money.ofMinor(capture ? minor : -minor, ccy), rs.getObject(6, LocalDate.class),
                rs.getString(7) + " " + rs.getString(8)), createdAt.toInstant());
    }
}
