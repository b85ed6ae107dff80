package dev.settle.jobs.payout;

import dev.settle.formats.nacha.NachaReturns;
import dev.settle.formats.nacha.ReturnEntry;
import dev.settle.formats.pain002.Pain002Reader;
import dev.settle.formats.pain002.Pain002Record;
import dev.settle.formats.pain002.Pain002TransactionStatus;
import dev.settle.ledger.AccountKind;
import dev.settle.ledger.AccountRef;
import dev.settle.ledger.Ledger;
import dev.settle.ledger.PostingLine;
import dev.settle.ledger.PostingRequest;
import dev.settle.money.Money;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies bank returns to payouts: NACHA return entries (matched on the original trace number)
 * and pain.002 RJCT transaction statuses (matched on the original end-to-end id). A matched SENT
 * payout becomes RETURNED, once ({@code payout_return}'s key), its posting is reversed (money back
 * on MERCHANT_AVAILABLE), and it is paid again by the next settlement, or held (merchant's
 * {@code on_return = hold}: moved to MERCHANT_RESERVE until finance releases it). Joins the
 * caller's transaction, so a return file's effects and its INGESTED status commit together. A return that
 * matches no payout, or one in another state, becomes a reconciliation exception. NACHA
 * notifications of change are recorded as exceptions for finance to update the account.
 */
public final class PayoutReturns {

    /** What one return file did. */
    public record Outcome(int returned, int alreadyReturned, int exceptions) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final Clock clock;

    public PayoutReturns(DataSource dataSource, PlatformTransactionManager transactionManager, Ledger ledger, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactionManager);
        this.ledger = ledger;
        this.clock = clock;
    }

    public Outcome applyNacha(InputStream in, String fileName, Long sourceFileId, LocalDate date) {
        int[] counts = new int[3];
        try (var entries = NachaReturns.stream(in, fileName)) {
            entries.forEach(e -> {
                if (e.kind() == ReturnEntry.Kind.NOTIFICATION_OF_CHANGE) {
                    exception(date, "PAYOUT_NOTIFICATION_OF_CHANGE", e.originalTraceNumber(), null,
                            e.code() + " " + e.reasonText() + ": corrected data '" + e.correctedData() + "'", fileName, e.line());
                    counts[2]++;
                    return;
                }
                List<Map<String, Object>> p = jdbc.queryForList("""
                        SELECT id FROM payout WHERE trace_number = ? AND method = 'NACHA' AND amount_minor = ?
                         ORDER BY (status = 'SENT') DESC, business_date DESC, id DESC LIMIT 1""",
                        e.originalTraceNumber(), e.amount().amountMinor());
                apply(p.isEmpty() ? null : (String) p.get(0).get("id"), e.originalTraceNumber(), e.amount(), e.code(),
                        e.reasonText(), sourceFileId, fileName, e.line(), date, counts);
            });
        }
        return new Outcome(counts[0], counts[1], counts[2]);
    }

    public Outcome applyPain002(InputStream in, String fileName, Long sourceFileId, LocalDate date) {
        int[] counts = new int[3];
        try (Pain002Reader reader = Pain002Reader.open(in, fileName)) {
            while (reader.hasNext()) {
                Pain002Record r = reader.next();
                if (r instanceof Pain002TransactionStatus t && t.rejected()) {
                    List<Map<String, Object>> p = jdbc.queryForList("SELECT id FROM payout WHERE end_to_end_id = ?",
                            t.originalEndToEndId());
                    String reason = t.reasons().isEmpty() ? "" : String.join(" ", t.reasons().get(0).additionalInfo());
                    apply(p.isEmpty() ? null : (String) p.get(0).get("id"), t.originalEndToEndId(), t.originalAmount(),
                            t.reasonCode() == null ? "RJCT" : t.reasonCode(), reason, sourceFileId, fileName,
                            t.location() == null ? 0 : t.location().line(), date, counts);
                }
            }
            if (!reader.violations().isEmpty()) {
                throw new IllegalArgumentException(fileName + ": unreadable pain.002: " + reader.violations());
            }
        }
        return new Outcome(counts[0], counts[1], counts[2]);
    }

    private void apply(String payoutId, String key, Money reportedAmount, String code, String text, Long sourceFileId,
                       String fileName, long line, LocalDate date, int[] counts) {
        tx.executeWithoutResult(status -> {
            if (payoutId == null) {
                exception(date, "PAYOUT_RETURN_UNMATCHED", key, reportedAmount, code + " " + text, fileName, line);
                counts[2]++;
                return;
            }
            Map<String, Object> p = jdbc.queryForMap("""
                    SELECT p.*, coalesce(c.on_return, 'repay') AS on_return FROM payout p
                      LEFT JOIN merchant_settlement_config c ON c.merchant_id = p.merchant_id AND c.currency = p.currency
                     WHERE p.id = ? FOR UPDATE OF p""", payoutId);
            if ("RETURNED".equals(p.get("status"))) {
                counts[1]++;
                return;
            }
            Money amount = Money.ofMinor((Long) p.get("amount_minor"), ((String) p.get("currency")).trim());
            if (!"SENT".equals(p.get("status")) || (reportedAmount != null && !reportedAmount.equals(amount))) {
                exception(date, "PAYOUT_RETURN_UNEXPECTED", payoutId, reportedAmount, code + " " + text + " for a payout "
                        + p.get("status") + " of " + amount, fileName, line);
                counts[2]++;
                return;
            }
            boolean hold = "hold".equals(p.get("on_return"));
            String reversal = "payout-return:" + payoutId;
            jdbc.update("""
                    INSERT INTO payout_return (payout_id, source_file_id, reason_code, reason_text, amount_minor, currency,
                        business_date, disposition, posting_reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    payoutId, sourceFileId, code, text == null ? "" : text, amount.amountMinor(), amount.currency().code(), date,
                    hold ? "HELD" : "REPAY", reversal, Timestamp.from(clock.instant()));
            ledger.reverse((String) p.get("posting_reference"), reversal, date, "payout " + payoutId + " returned " + code);
            if (hold) {
                String merchant = (String) p.get("merchant_id");
                ledger.post(new PostingRequest("payout-return-hold:" + payoutId, "payout-return-hold", date,
                        "returned payout " + payoutId + " held", List.of(
                        PostingLine.debit(AccountRef.merchant(merchant, AccountKind.MERCHANT_AVAILABLE, amount.currency()), amount),
                        PostingLine.credit(AccountRef.merchant(merchant, AccountKind.MERCHANT_RESERVE, amount.currency()), amount))));
            }
            jdbc.update("UPDATE payout SET status = 'RETURNED', status_changed_at = ?, status_reason = ? WHERE id = ?",
                    Timestamp.from(clock.instant()), code + " " + (text == null ? "" : text), payoutId);
            counts[0]++;
        });
    }

    private void exception(LocalDate date, String type, String reference, Money amount, String details, String file, long line) {
        jdbc.update("""
                INSERT INTO recon_exception (business_date, type, currency, amount_minor, reference, details, dedup_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING""", date, type,
                amount == null ? null : amount.currency().code(), amount == null ? null : amount.amountMinor(), reference,
                details + " (" + file + " line " + line + ")", type + ":" + file + ":" + line, Timestamp.from(clock.instant()));
    }
}
