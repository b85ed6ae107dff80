package dev.settle.jobs.payout;

import dev.settle.ledger.AccountKind;
import dev.settle.ledger.AccountRef;
import dev.settle.ledger.Ledger;
import dev.settle.ledger.PostingLine;
import dev.settle.ledger.PostingRequest;
import dev.settle.jobs.settlement.MerchantSettlementConfigs;
import dev.settle.money.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance's explicit payout commands (the CLI's {@code ./settle payouts …}): four-eyes approval
 * of a file, declaring a sent payout failed, reissuing a failed payout, releasing a held return.
 * Every action is audited with its actor; each runs in one transaction.
 */
public final class PayoutAdmin {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final PayoutService payouts;
    private final Clock clock;

    public PayoutAdmin(DataSource dataSource, Clock clock) {
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(manager);
        this.ledger = new Ledger(dataSource, manager, clock);
        this.payouts = new PayoutService(dataSource, manager, ledger, new MerchantSettlementConfigs(dataSource, clock),
                new PayoutProperties(false, null, List.of()), clock);
        this.clock = clock;
    }

    /**
     * Approves a PENDING_APPROVAL file; the next payout job run uploads it.
     *
     * @throws PayoutException SAME_PERSON when the approver created the file, WRONG_STATUS, UNKNOWN_FILE
     */
    public void approve(String fileId, String approver, String note) {
        tx.executeWithoutResult(status -> {
            Map<String, Object> f = file(fileId);
            if (!"PENDING_APPROVAL".equals(f.get("status"))) {
                throw new PayoutException(PayoutException.Code.WRONG_STATUS, "file " + fileId + " is " + f.get("status")
                        + "; only PENDING_APPROVAL files can be approved");
            }
            if (approver.equals(f.get("created_by"))) {
                throw new PayoutException(PayoutException.Code.SAME_PERSON, "file " + fileId + " was created by " + approver
                        + "; a second person must approve it");
            }
            payouts.audit(fileId, "APPROVED", approver, note == null ? "" : note);
            jdbc.update("UPDATE payout_file SET status = 'APPROVED' WHERE id = ?", fileId);
        });
    }

    /**
     * Declares a SENT payout failed (e.g. the bank never executed the file) and puts its money back
     * on the merchant's available balance (reversing posting). It is not paid again until reissued.
     */
    public void fail(String payoutId, String actor, String reason) {
        tx.executeWithoutResult(status -> {
            Map<String, Object> p = payout(payoutId);
            if (!"SENT".equals(p.get("status"))) {
                throw new PayoutException(PayoutException.Code.WRONG_STATUS, "payout " + payoutId + " is " + p.get("status")
                        + "; only SENT payouts can be declared failed");
            }
            ledger.reverse((String) p.get("posting_reference"), "payout-failed:" + payoutId, today(),
                    "payout " + payoutId + " failed: " + reason);
            jdbc.update("UPDATE payout SET status = 'FAILED', status_changed_at = ?, status_reason = ? WHERE id = ?",
                    Timestamp.from(clock.instant()), actor + ": " + reason, payoutId);
        });
    }

    /**
     * Reissues a FAILED payout: a new payout (id {@code <old>_r}) for the same settlement and amount,
     * with a new end-to-end id, written into the next payout file. At most once per payout.
     *
     * @return the new payout's id
     */
    public String reissue(String payoutId, String actor, String reason) {
        return tx.execute(status -> {
            Map<String, Object> p = payout(payoutId);
            if (!"FAILED".equals(p.get("status"))) {
                throw new PayoutException(PayoutException.Code.WRONG_STATUS, "payout " + payoutId + " is " + p.get("status")
                        + "; only FAILED payouts can be reissued (returned payouts are paid again by settlement)");
            }
            if (count("SELECT count(*) FROM payout WHERE reissue_of = ?", payoutId) > 0) {
                throw new PayoutException(PayoutException.Code.ALREADY_REISSUED, "payout " + payoutId + " was already reissued");
            }
            String newId = payoutId + "_r";
            Money amount = Money.ofMinor((Long) p.get("amount_minor"), ((String) p.get("currency")).trim());
            payouts.insertPayout(newId, (String) p.get("settlement_id"), (String) p.get("merchant_id"), amount,
                    ((java.sql.Date) p.get("business_date")).toLocalDate(), (String) p.get("method"), (String) p.get("bank"),
                    (String) p.get("beneficiary_name"), (String) p.get("account"), (String) p.get("bic"),
                    (String) p.get("account_type"), payoutId, actor);
            jdbc.update("UPDATE payout SET status_reason = ? WHERE id = ?", "reissued as " + newId + " by " + actor + ": " + reason,
                    payoutId);
            return newId;
        });
    }

    /** Releases a HELD return: its money moves from the reserve back to available and is paid next cycle. */
    public void releaseReturn(String payoutId, String actor) {
        tx.executeWithoutResult(status -> {
            List<Map<String, Object>> r = jdbc.queryForList("SELECT * FROM payout_return WHERE payout_id = ? FOR UPDATE", payoutId);
            if (r.isEmpty() || !"HELD".equals(r.get(0).get("disposition"))) {
                throw new PayoutException(PayoutException.Code.WRONG_STATUS, "payout " + payoutId + " has no held return");
            }
            Map<String, Object> p = payout(payoutId);
            Money amount = Money.ofMinor((Long) r.get(0).get("amount_minor"), ((String) r.get(0).get("currency")).trim());
            String merchant = (String) p.get("merchant_id");
            ledger.post(new PostingRequest("payout-return-release:" + payoutId, "payout-return-release", today(),
                    "held return of " + payoutId + " released by " + actor, List.of(
                    PostingLine.debit(AccountRef.merchant(merchant, AccountKind.MERCHANT_RESERVE, amount.currency()), amount),
                    PostingLine.credit(AccountRef.merchant(merchant, AccountKind.MERCHANT_AVAILABLE, amount.currency()), amount))));
            jdbc.update("UPDATE payout_return SET disposition = 'REPAY', business_date = ? WHERE payout_id = ?", today(), payoutId);
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Map<String, Object> file(String fileId) {
        List<Map<String, Object>> f = jdbc.queryForList("SELECT * FROM payout_file WHERE id = ? FOR UPDATE", fileId);
        if (f.isEmpty()) {
            throw new PayoutException(PayoutException.Code.UNKNOWN_FILE, "no payout file " + fileId);
        }
        return f.get(0);
    }

    private Map<String, Object> payout(String payoutId) {
        List<Map<String, Object>> p = jdbc.queryForList("SELECT * FROM payout WHERE id = ? FOR UPDATE", payoutId);
        if (p.isEmpty()) {
            throw new PayoutException(PayoutException.Code.UNKNOWN_PAYOUT, "no payout " + payoutId);
        }
        return p.get(0);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
