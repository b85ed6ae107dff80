package dev.settle.jobs.settlement;

import dev.settle.ledger.AccountKind;
import dev.settle.ledger.AccountRef;
import dev.settle.ledger.Ledger;
import dev.settle.ledger.PostingLine;
import dev.settle.ledger.PostingRequest;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.readerswriters.db.BinaryCopyIn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles one merchant in one currency for one business date, in one database transaction: takes
 * the reconciled, unsettled gateway items ({@link SettlementWorkReader} reads them for many pairs
 * at once), loads the pair's dispute events, reserve releases and returned payouts, computes with
 * {@link SettlementCalculator}, and writes the settlement, its statement, the settled-once rows,
 * the reserve hold and releases, and one balanced ledger posting ({@code settlement:<id>}). Idempotent: a pair already settled for the
 * date is left alone, and {@code settled_transaction}'s primary key refuses a second settlement
 * of any item (the whole pair then rolls back).
 */
public final class SettlementService {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final MerchantSettlementConfigs configs;
    private final Clock clock;

    public SettlementService(DataSource dataSource, PlatformTransactionManager transactionManager, Ledger ledger,
                             MerchantSettlementConfigs configs, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactionManager);
        this.ledger = ledger;
        this.configs = configs;
        this.clock = clock;
    }

    /** A merchant and currency to settle. */
    public record Key(String merchantId, String currency) {
    }

    /** What happened to one key. */
    public enum Outcome { SETTLED, NOTHING_TO_SETTLE, ALREADY_SETTLED, LATER_DATE_EXISTS, NOT_CONFIGURED }

    public static String settlementId(String merchantId, String currency, LocalDate date) {
        return "stl_" + COMPACT.format(date) + "_" + currency + "_" + suffix(merchantId);
    }

    static String suffix(String merchantId) {
        return merchantId.startsWith("mer_") ? merchantId.substring(4) : merchantId;
    }

    /**
     * Configured merchant/currency pairs of one hash partition (by merchant) without a settlement
     * for the date, ordered by merchant and currency in the "C" collation: the order in which
     * {@link SettlementWorkReader} merges them with their items.
     */
    public List<Key> candidates(LocalDate businessDate, int partition, int partitions) {
        return jdbc.query("""
                SELECT c.merchant_id, c.currency FROM merchant_settlement_config c
                 WHERE mod(abs(hashtext(c.merchant_id)), ?) = ?
                   AND NOT EXISTS (SELECT 1 FROM settlement s WHERE s.merchant_id = c.merchant_id
                                      AND s.currency = c.currency AND s.business_date = ?)
                 ORDER BY c.merchant_id COLLATE "C", c.currency COLLATE "C"
                """, (rs, n) -> new Key(rs.getString(1), rs.getString(2)), partitions, partition, businessDate);
    }

    /** Settles one pair on its own, reading its reconciled gateway items first. */
    public Outcome settle(Key key, LocalDate businessDate) {
        List<SettlementItem> items = ReconciledGatewayItems.ofPair(jdbc, key.merchantId(), CurrencyUnit.of(key.currency()),
                businessDate);
        return settle(new SettlementWork(key, items), businessDate);
    }

    /** Settles one pair with the reconciled gateway items read for it, in one transaction. */
    public Outcome settle(SettlementWork work, LocalDate businessDate) {
        return tx.execute(status -> settleInTransaction(work, businessDate));
    }

    private Outcome settleInTransaction(SettlementWork work, LocalDate date) {
        Key key = work.key();
        CurrencyUnit ccy = CurrencyUnit.of(key.currency());
        Optional<MerchantSettlementConfig> config = configs.lock(key.merchantId(), ccy);
        if (config.isEmpty()) {
            return Outcome.NOT_CONFIGURED;
        }
        String id = settlementId(key.merchantId(), key.currency(), date);
        if (count("SELECT count(*) FROM settlement WHERE id = ?", id) > 0) {
            return Outcome.ALREADY_SETTLED;
        }
        if (count("SELECT count(*) FROM settlement WHERE merchant_id = ? AND currency = ? AND business_date > ?",
                key.merchantId(), key.currency(), date) > 0) {
            return Outcome.LATER_DATE_EXISTS; // carried balances run forward only
        }
        SettlementInput input = load(key, ccy, date, config.get().terms(), work.gatewayItems());
        if (input.nothingToSettle()) {
            return Outcome.NOTHING_TO_SETTLE;
        }
        SettlementResult r = SettlementCalculator.calculate(input);
        String csv = StatementCsv.render(id, key.merchantId(), date, r.lines(), r);
        String postingReference = post(id, key.merchantId(), ccy, date, r);
        jdbc.update("""
                INSERT INTO settlement (id, merchant_id, currency, business_date, transaction_count, gross_captures_minor,
                    refunds_minor, disputes_minor, fees_minor, reserve_held_minor, reserve_released_minor,
                    returned_payouts_minor, carried_in_minor, net_minor, payout_minor, carried_out_minor, status,
                    posting_reference, statement_csv, statement_sha256, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, key.merchantId(), key.currency(), date, (long) input.items().size(), r.grossCaptures().amountMinor(),
                r.refunds().amountMinor(), r.disputes().amountMinor(), r.fees().amountMinor(), r.reserveHeld().amountMinor(),
                r.reserveReleased().amountMinor(), r.returnedPayouts().amountMinor(), r.carriedIn().amountMinor(),
                r.net().amountMinor(), r.payout().amountMinor(), r.carriedOut().amountMinor(),
                r.payable() ? "PAYABLE" : "CARRIED_FORWARD", postingReference, csv, sha256(csv),
                Timestamp.from(clock.instant()));
        writeStatement(id, input, r);
        if (r.reserveHeld().isPositive()) {
            jdbc.update("""
                    INSERT INTO reserve_hold (settlement_id, merchant_id, currency, amount_minor, held_date, release_date)
                    VALUES (?, ?, ?, ?, ?, ?)""", id, key.merchantId(), key.currency(), r.reserveHeld().amountMinor(), date,
                    r.reserveReleaseDate());
        }
        for (SettlementInput.ReserveRelease release : input.releases()) {
            jdbc.update("UPDATE reserve_hold SET released_in_settlement = ? WHERE settlement_id = ? AND released_in_settlement IS NULL",
                    id, release.heldInSettlementId());
        }
        for (SettlementInput.ReturnedPayout ret : input.returns()) {
            jdbc.update("UPDATE payout_return SET settled_in_settlement = ? WHERE payout_id = ? AND settled_in_settlement IS NULL",
                    id, ret.payoutId());
        }
        return Outcome.SETTLED;
    }

    /**
     * The statement: each item's own lines (the item and its fee) go on its settled-once row in
     * {@code settled_transaction}, streamed with COPY on the transaction's own connection (a
     * million-payment day writes a million rows here); the other lines (brought forward, reserve,
     * returns) go to {@code settlement_line}. View {@code settlement_statement_line} shows them
     * together. A second settlement of an item fails on {@code settled_transaction}'s primary key
     * and rolls the whole pair back.
     */
    private void writeStatement(String id, SettlementInput input, SettlementResult r) {
        List<Object[]> otherLines = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (BinaryCopyIn settled = BinaryCopyIn.open(connection, """
                COPY settled_transaction (transaction_id, settlement_id, kind, amount_minor, fee_minor, line_no, description,
                                          business_date, fee_description) FROM STDIN (FORMAT binary)""")) {
            List<StatementLine> lines = r.lines();
            int item = 0;
            for (int i = 0; i < lines.size(); i++) {
                StatementLine line = lines.get(i);
                int lineNo = i + 1;
                if (!isItemLine(line)) {
                    otherLines.add(new Object[] {id, lineNo, line.type().name(), line.reference(), line.description(),
                            line.gross() == null ? null : line.gross().amountMinor(), line.amount().amountMinor(), line.date()});
                    continue;
                }
                SettlementItem settledItem = input.items().get(item);
                Money fee = r.itemFees().get(item++);
                StatementLine feeLine = null;
                if (!fee.isZero()) {
                    feeLine = lines.get(++i);
                    if (feeLine.type() != StatementLine.Type.FEE || !feeLine.amount().equals(fee.negate())) {
                        throw new IllegalStateException("statement line " + (i + 1) + " of " + id + " is not the fee of "
                                + settledItem.id() + ": " + feeLine);
                    }
                }
                settled.row(9).text(settledItem.id()).text(id).text(settledItem.kind().name()).int8(settledItem.amount().amountMinor())
                        .int8(fee.amountMinor()).int4(lineNo).text(line.description()).date(line.date())
                        .text(feeLine == null ? "" : feeLine.description());
            }
            if (item != input.items().size()) {
                throw new IllegalStateException("statement " + id + " has lines for " + item + " of " + input.items().size()
                        + " items");
            }
            settled.finish();
        } catch (SQLException e) {
            // as JdbcTemplate would: a second settlement of an item surfaces as DuplicateKeyException
            DataAccessException translated = jdbc.getExceptionTranslator().translate("COPY statement of " + id, null, e);
            throw translated != null ? translated : new UncategorizedSQLException("COPY statement of " + id, null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.batchUpdate("""
                INSERT INTO settlement_line (settlement_id, line_no, line_type, reference, description, gross_minor,
                    amount_minor, business_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", otherLines);
    }

    /** An item's own line (capture, refund, dispute event): the calculator writes it first, its fee line right after. */
    private static boolean isItemLine(StatementLine line) {
        return switch (line.type()) {
            case CAPTURE, REFUND, CHARGEBACK, SECOND_CHARGEBACK, CHARGEBACK_REVERSAL -> true;
            default -> false;
        };
    }

    private SettlementInput load(Key key, CurrencyUnit ccy, LocalDate date, SettlementTerms terms,
                                 List<SettlementItem> gatewayItems) {
        List<SettlementItem> items = new ArrayList<>(gatewayItems);
        items.addAll(jdbc.query("""
                SELECT e.file_id, e.line_no, e.record_type, e.amount_minor, e.business_date, d.psp_reference, d.payment_id
                  FROM dispute_event e JOIN dispute d ON d.id = e.dispute_id
                  JOIN ingested_file f ON f.id = e.file_id AND f.status = 'INGESTED'
                 WHERE d.merchant_id = ? AND e.currency = ? AND e.business_date <= ? AND e.amount_minor <> 0
                   AND NOT EXISTS (SELECT 1 FROM settled_transaction s
                                    WHERE s.transaction_id = 'dispute_event:' || e.file_id || ':' || e.line_no)
                 ORDER BY e.business_date, e.file_id, e.line_no""", (rs, n) -> {
            long minor = rs.getLong("amount_minor");
            SettlementItem.Kind kind = minor > 0 ? SettlementItem.Kind.CHARGEBACK_REVERSAL
                    : rs.getString("record_type").startsWith("Second") ? SettlementItem.Kind.SECOND_CHARGEBACK
                    : SettlementItem.Kind.CHARGEBACK;
            return new SettlementItem("dispute_event:" + rs.getLong("file_id") + ":" + rs.getLong("line_no"), kind,
                    Money.ofMinor(minor, ccy), rs.getObject("business_date", LocalDate.class),
                    rs.getString("psp_reference") + (rs.getString("payment_id") == null ? "" : " " + rs.getString("payment_id")));
        }, key.merchantId(), key.currency(), date));
        List<SettlementInput.ReserveRelease> releases = jdbc.query("""
                SELECT settlement_id, amount_minor, held_date FROM reserve_hold
                 WHERE merchant_id = ? AND currency = ? AND release_date <= ? AND released_in_settlement IS NULL
                 ORDER BY held_date, settlement_id FOR UPDATE""", (rs, n) -> new SettlementInput.ReserveRelease(
                rs.getString(1), Money.ofMinor(rs.getLong(2), ccy), rs.getObject(3, LocalDate.class)),
                key.merchantId(), key.currency(), date);
        List<SettlementInput.ReturnedPayout> returns = jdbc.query("""
                SELECT r.payout_id, r.amount_minor, r.reason_code FROM payout_return r JOIN payout p ON p.id = r.payout_id
                 WHERE p.merchant_id = ? AND r.currency = ? AND r.disposition = 'REPAY' AND r.settled_in_settlement IS NULL
                   AND r.business_date <= ?
                 ORDER BY r.business_date, r.payout_id FOR UPDATE OF r""", (rs, n) -> new SettlementInput.ReturnedPayout(
                rs.getString(1), Money.ofMinor(rs.getLong(2), ccy), rs.getString(3)), key.merchantId(), key.currency(), date);
        List<Long> carried = jdbc.queryForList("""
                SELECT carried_out_minor FROM settlement WHERE merchant_id = ? AND currency = ? AND business_date < ?
                 ORDER BY business_date DESC LIMIT 1""", Long.class, key.merchantId(), key.currency(), date);
        Money carriedIn = Money.ofMinor(carried.isEmpty() ? 0 : carried.get(0), ccy);
        return new SettlementInput(key.merchantId(), date, terms, carriedIn, items, releases, returns);
    }

    /**
     * One posting for the whole settlement, lines netted per account: captures and refunds move from
     * MERCHANT_PENDING to MERCHANT_AVAILABLE; disputes between GATEWAY_RECEIVABLE and
     * MERCHANT_AVAILABLE; fees to FEE_REVENUE; reserve between MERCHANT_AVAILABLE and MERCHANT_RESERVE.
     * Returned payouts and carried balances are already on MERCHANT_AVAILABLE and post nothing.
     *
     * @return the posting reference, or "" when every account nets to zero
     */
    private String post(String id, String merchantId, CurrencyUnit ccy, LocalDate date, SettlementResult r) {
        AccountRef pending = AccountRef.merchant(merchantId, AccountKind.MERCHANT_PENDING, ccy);
        AccountRef available = AccountRef.merchant(merchantId, AccountKind.MERCHANT_AVAILABLE, ccy);
        AccountRef reserve = AccountRef.merchant(merchantId, AccountKind.MERCHANT_RESERVE, ccy);
        AccountRef receivable = AccountRef.system(AccountKind.GATEWAY_RECEIVABLE, ccy);
        AccountRef revenue = AccountRef.system(AccountKind.FEE_REVENUE, ccy);
        Map<AccountRef, Money> debits = new LinkedHashMap<>(); // signed: + debit, - credit
        Money captureAndRefunds = r.grossCaptures().plus(r.refunds());
        move(debits, pending, available, captureAndRefunds);
        move(debits, receivable, available, r.disputes());
        move(debits, available, revenue, r.fees());
        move(debits, available, reserve, r.reserveHeld());
        move(debits, reserve, available, r.reserveReleased());
        List<PostingLine> lines = new ArrayList<>();
        debits.forEach((account, signed) -> {
            if (signed.isPositive()) {
                lines.add(PostingLine.debit(account, signed));
            } else if (signed.isNegative()) {
                lines.add(PostingLine.credit(account, signed.negate()));
            }
        });
        if (lines.isEmpty()) {
            return "";
        }
        String reference = "settlement:" + id;
        ledger.post(new PostingRequest(reference, "settlement", date, "settlement " + id, lines));
        return reference;
    }

    /** Moves {@code amount} (signed) from the debit account's side to the credit account. */
    private static void move(Map<AccountRef, Money> debits, AccountRef debit, AccountRef credit, Money amount) {
        debits.merge(debit, amount, Money::plus);
        debits.merge(credit, amount.negate(), Money::plus);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    static final int SHA_SLICE_CHARS = 1 << 16;

    /** SHA-256 of the UTF-8 text, encoded a slice at a time (a big statement is tens of megabytes). */
    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int from = 0;
            while (from < text.length()) {
                int to = Math.min(text.length(), from + SHA_SLICE_CHARS);
                if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                    to--; // never split a surrogate pair between two slices
                }
                digest.update(text.substring(from, to).getBytes(StandardCharsets.UTF_8));
                from = to;
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
