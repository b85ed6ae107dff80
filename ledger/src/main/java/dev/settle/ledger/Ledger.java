package dev.settle.ledger;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The double-entry ledger in PostgreSQL.
 *
 * <p>Contract: {@link #post} is idempotent by reference and atomic. It joins the caller's
 * transaction when there is one (so a payment row and its posting commit or roll back together),
 * else it runs in its own. Posted lines are never changed; {@link #reverse} corrects by posting the
 * mirror image. Balances are always computed from the lines. Thread-safe.
 */
public final class Ledger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate accountTx;
    private final Clock clock;
    private final Map<AccountRef, Long> accountIds = new ConcurrentHashMap<>();

    public Ledger(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactionManager);
        this.accountTx = new TransactionTemplate(transactionManager);
        this.accountTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public Ledger(DataSource dataSource, Clock clock) {
        this(dataSource, new DataSourceTransactionManager(dataSource), clock);
    }

    /**
     * Writes the posting, or returns the existing one when its reference was posted before with the
     * same lines ({@link Posting#replayed()} true).
     *
     * @throws LedgerException {@code REFERENCE_REUSED} when the reference exists with other lines
     */
    public Posting post(PostingRequest request) {
        return tx.execute(status -> postInTransaction(request, null));
    }

    /**
     * Posts the mirror image of an earlier posting (every debit becomes a credit and vice versa),
     * linked to it. Idempotent by {@code reversalReference}; a posting is reversed at most once.
     */
    public Posting reverse(String originalReference, String reversalReference, LocalDate businessDate, String reason) {
        return tx.execute(status -> {
            Posting original = find(originalReference).orElseThrow(() -> new LedgerException(
                    LedgerException.Code.UNKNOWN_POSTING, "no posting with reference " + originalReference));
            List<PostingLine> mirrored = new ArrayList<>();
            for (PostingLine line : original.lines()) {
                mirrored.add(new PostingLine(line.account(), line.side().opposite(), line.amount()));
            }
            PostingRequest request = new PostingRequest(reversalReference, "reversal", businessDate,
                    reason + " (reverses " + originalReference + ")", mirrored);
            return postInTransaction(request, original.id());
        });
    }

    private Posting postInTransaction(PostingRequest request, Long reversesId) {
        Instant now = clock.instant();
        List<Long> inserted;
        try {
            inserted = jdbc.queryForList("""
                    INSERT INTO ledger_posting (reference, kind, description, business_date, reverses_posting_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (reference) DO NOTHING RETURNING id""", Long.class,
                    request.reference(), request.kind(), request.description(), request.businessDate(),
                    reversesId, Timestamp.from(now));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new LedgerException(LedgerException.Code.ALREADY_REVERSED,
                    "posting " + reversesId + " has already been reversed");
        }
        if (inserted.isEmpty()) {
            Posting existing = find(request.reference()).orElseThrow();
            if (!sameLines(existing.lines(), request.lines())) {
                throw new LedgerException(LedgerException.Code.REFERENCE_REUSED,
                        "reference " + request.reference() + " was already posted with other lines");
            }
            return existing;
        }
        long postingId = inserted.get(0);
        List<Object[]> rows = new ArrayList<>(request.lines().size());
        for (PostingLine line : request.lines()) {
            rows.add(new Object[] {postingId, accountId(line.account()), String.valueOf(line.side().code()),
                    line.amount().amountMinor(), line.amount().currency().code()});
        }
        jdbc.batchUpdate("INSERT INTO ledger_line (posting_id, account_id, side, amount_minor, currency) VALUES (?, ?, ?, ?, ?)", rows);
        return new Posting(postingId, request.reference(), request.kind(), request.businessDate(),
                request.description(), reversesId, now, request.lines(), false);
    }

    public Optional<Posting> find(String reference) {
        List<Posting> found = jdbc.query("""
                SELECT id, reference, kind, business_date, description, reverses_posting_id, created_at
                  FROM ledger_posting WHERE reference = ?""", (rs, n) -> new Posting(
                rs.getLong("id"), rs.getString("reference"), rs.getString("kind"),
                rs.getObject("business_date", LocalDate.class), rs.getString("description"),
                (Long) rs.getObject("reverses_posting_id"), rs.getTimestamp("created_at").toInstant(),
                List.of(), true), reference);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Posting p = found.get(0);
        List<PostingLine> lines = jdbc.query("""
                SELECT a.kind, a.owner_id, l.side, l.amount_minor, l.currency
                  FROM ledger_line l JOIN ledger_account a ON a.id = l.account_id
                 WHERE l.posting_id = ? ORDER BY l.id""", (rs, n) -> {
            CurrencyUnit currency = CurrencyUnit.of(rs.getString("currency"));
            AccountRef account = new AccountRef(AccountKind.valueOf(rs.getString("kind")), rs.getString("owner_id"), currency);
            return new PostingLine(account, Side.of(rs.getString("side").charAt(0)),
                    Money.ofMinor(rs.getLong("amount_minor"), currency));
        }, p.id());
        return Optional.of(new Posting(p.id(), p.reference(), p.kind(), p.businessDate(), p.description(),
                p.reversesPostingId(), p.createdAt(), lines, true));
    }

    /** The balance in the account's normal direction, computed from the lines (zero if unused). */
    public Money balance(AccountRef account) {
        Long signedMinor = jdbc.queryForObject("""
                SELECT coalesce(sum(CASE WHEN l.side = 'D' THEN l.amount_minor ELSE -l.amount_minor END), 0)::bigint
                  FROM ledger_line l JOIN ledger_account a ON a.id = l.account_id
                 WHERE a.owner_type = ? AND a.owner_id = ? AND a.kind = ? AND a.currency = ?""", Long.class,
                account.ownerTypeColumn(), account.merchantId(), account.kind().name(), account.currency().code());
        long debitMinusCredit = signedMinor == null ? 0 : signedMinor;
        Money debitNormal = Money.ofMinor(debitMinusCredit, account.currency());
        return account.kind().normalSide() == Side.DEBIT ? debitNormal : debitNormal.negate();
    }

    /**
     * Trial balance of the whole ledger: per currency, Σdebits and Σcredits (minor units). Equal in
     * every currency when the ledger is consistent; see {@link #unbalancedCurrencies()}.
     */
    public Map<CurrencyUnit, long[]> trialBalance() {
        Map<CurrencyUnit, long[]> totals = new TreeMap<>();
        jdbc.query("""
                SELECT currency,
                       sum(CASE WHEN side = 'D' THEN amount_minor ELSE 0 END)::bigint AS debits,
                       sum(CASE WHEN side = 'C' THEN amount_minor ELSE 0 END)::bigint AS credits
                  FROM ledger_line GROUP BY currency""", rs -> {
            totals.put(CurrencyUnit.of(rs.getString("currency")), new long[] {rs.getLong("debits"), rs.getLong("credits")});
        });
        return totals;
    }

    /**
     * Currencies in which the postings with these references do not balance; empty when they do.
     * A job checks what it posted this way: the cost follows the job's postings, not the ledger's
     * whole history (which {@link #unbalancedCurrencies()} reads).
     */
    public List<CurrencyUnit> unbalancedCurrencies(Collection<String> postingReferences) {
        if (postingReferences.isEmpty()) {
            return List.of();
        }
        return jdbc.query(connection -> {
            var ps = connection.prepareStatement("""
                    SELECT l.currency FROM (SELECT DISTINCT unnest(?::text[]) AS reference) r
                      JOIN ledger_posting p ON p.reference = r.reference JOIN ledger_line l ON l.posting_id = p.id
                     GROUP BY l.currency
                    HAVING sum(CASE WHEN l.side = 'D' THEN l.amount_minor ELSE 0 END)
                        <> sum(CASE WHEN l.side = 'C' THEN l.amount_minor ELSE 0 END)
                     ORDER BY l.currency""");
            ps.setArray(1, connection.createArrayOf("text", postingReferences.toArray()));
            return ps;
        }, (rs, n) -> CurrencyUnit.of(rs.getString(1)));
    }

    /** Currencies whose Σdebits ≠ Σcredits; empty for a consistent ledger. */
    public List<CurrencyUnit> unbalancedCurrencies() {
        List<CurrencyUnit> bad = new ArrayList<>();
        trialBalance().forEach((currency, dc) -> {
            if (dc[0] != dc[1]) {
                bad.add(currency);
            }
        });
        return bad;
    }

    private long accountId(AccountRef account) {
        Long cached = accountIds.get(account);
        if (cached != null) {
            return cached;
        }
        // Accounts are created in their own committed transaction, so a cached id never points at a
        // row that the caller's transaction later rolls back. Concurrent creators meet at ON CONFLICT.
        Long id = accountTx.execute(status -> {
            jdbc.update("""
                    INSERT INTO ledger_account (owner_type, owner_id, kind, currency, created_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner_type, owner_id, kind, currency) DO NOTHING""",
                    account.ownerTypeColumn(), account.merchantId(), account.kind().name(), account.currency().code(),
                    Timestamp.from(clock.instant()));
            return jdbc.queryForObject("""
                    SELECT id FROM ledger_account WHERE owner_type = ? AND owner_id = ? AND kind = ? AND currency = ?""",
                    Long.class, account.ownerTypeColumn(), account.merchantId(), account.kind().name(),
                    account.currency().code());
        });
        accountIds.put(account, id);
        return id;
    }

    private static boolean sameLines(List<PostingLine> a, List<PostingLine> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }
}
