package dev.settle.jobs.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance's workflow over reconciliation exceptions: list, show (both sides, the difference,
 * history), resolve (manual match, write-off, accepted — a note is mandatory), reopen. Every action
 * is audited with who, when and why. A manual match freezes both items, so later runs do not
 * raise them again. Thread-safe; each action is one transaction.
 */
public final class ExceptionsWorkflow {

    /** How a person resolves an exception. */
    public enum Resolution { MANUAL_MATCH, WRITE_OFF, ACCEPTED }

    /** A refused action, with a stable code for the CLI and API. */
    public static final class WorkflowException extends RuntimeException {
        private final String code;

        public WorkflowException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Filters for {@link #list}; null means "any". */
    public record Filter(LocalDate businessDate, String type, String merchantId, String status, Integer minAgeDays,
                         LocalDate today, int limit) {
    }

    /**
     * An exception with what was compared and its audit history: the latest reconciliation result
     * of its item, the item itself (our transaction, the report line, the bank entry, ...) and the
     * counterpart it was compared with; each empty when there is none.
     */
    public record Detail(ReconException exception, Map<String, Object> result, Map<String, Object> item,
                         Map<String, Object> counterpart, List<ExceptionAction> history) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ExceptionsWorkflow(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    public List<ReconException> list(Filter f) {
        StringBuilder where = new StringBuilder("WHERE true");
        List<Object> args = new ArrayList<>();
        if (f.businessDate() != null) {
            where.append(" AND business_date = ?");
            args.add(f.businessDate());
        }
        if (f.type() != null) {
            where.append(" AND type = ?");
            args.add(f.type());
        }
        if (f.merchantId() != null) {
            where.append(" AND merchant_id = ?");
            args.add(f.merchantId());
        }
        if (f.status() != null) {
            where.append(" AND status = ?");
            args.add(f.status().toUpperCase());
        }
        if (f.minAgeDays() != null) {
            where.append(" AND coalesce(first_seen_date, business_date) <= ?");
            args.add((f.today() == null ? LocalDate.now(clock) : f.today()).minusDays(f.minAgeDays()));
        }
        args.add(f.limit() <= 0 ? 500 : f.limit());
        return jdbc.query("SELECT * FROM recon_exception " + where + " ORDER BY business_date, id LIMIT ?",
                ExceptionsWorkflow::map, args.toArray());
    }

    public Optional<Detail> show(long id) {
        Optional<ReconException> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReconException e = found.get();
        Map<String, Object> result = e.itemKey().isEmpty() ? Map.of() : jdbc.queryForList("""
                SELECT * FROM recon_result WHERE item_key = ? ORDER BY result_date DESC LIMIT 1""", e.itemKey())
                .stream().findFirst().orElse(Map.of());
        Map<String, Object> item = e.itemKey().isEmpty() ? Map.of() : describe(e.itemKey());
        Object other = result.get("other_key");
        Map<String, Object> counterpart = other == null ? Map.of() : describe(other.toString());
        List<ExceptionAction> history = jdbc.query("""
                SELECT action, actor, note, at FROM recon_exception_action WHERE exception_id = ? ORDER BY id""",
                (rs, n) -> new ExceptionAction(rs.getString("action"), rs.getString("actor"), rs.getString("note"),
                        rs.getTimestamp("at").toInstant()), id);
        return Optional.of(new Detail(e, result, item, counterpart, history));
    }

    /**
     * Resolves an open exception. A MANUAL_MATCH may name the counterpart item
     * ({@code withItemKey}); both are then frozen as matched.
     *
     * @throws WorkflowException NOTE_REQUIRED, NOT_FOUND, NOT_OPEN, UNKNOWN_ITEM
     */
    public ReconException resolve(long id, Resolution resolution, String note, String actor, String withItemKey) {
        requireNote(note);
        return tx.execute(status -> {
            ReconException e = lockOpen(id);
            Instant now = clock.instant();
            if (resolution == Resolution.MANUAL_MATCH) {
                LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
                freezeManually(e.itemKey(), withItemKey, e.leg(), today);
                if (withItemKey != null) {
                    freezeManually(withItemKey, e.itemKey(), e.leg(), today);
                }
            }
            jdbc.update("""
                    UPDATE recon_exception SET status = 'RESOLVED', resolution_kind = ?, resolution = ?, resolved_by = ?,
                           resolved_at = ? WHERE id = ?""", resolution.name(),
                    note + (withItemKey == null ? "" : " (matched with " + withItemKey + ")"), actor, Timestamp.from(now), id);
            audit(id, "RESOLVED", actor, resolution + ": " + note, now);
            return find(id).orElseThrow();
        });
    }

    /** Reopens a resolved exception; a manual match it made is undone. */
    public ReconException reopen(long id, String note, String actor) {
        requireNote(note);
        return tx.execute(status -> {
            ReconException e = find(id).orElseThrow(() -> new WorkflowException("NOT_FOUND", "no exception " + id));
            if (!"RESOLVED".equals(e.status())) {
                throw new WorkflowException("NOT_RESOLVED", "exception " + id + " is " + e.status() + ", not RESOLVED");
            }
            if ("MANUAL_MATCH".equals(e.resolutionKind()) && !e.itemKey().isEmpty()) {
                jdbc.update("DELETE FROM recon_matched_item WHERE how = 'manual' AND (item_key = ? OR other_key = ?)",
                        e.itemKey(), e.itemKey());
            }
            Instant now = clock.instant();
            jdbc.update("""
                    UPDATE recon_exception SET status = 'OPEN', resolution_kind = NULL, resolution = '', resolved_by = '',
                           resolved_at = NULL WHERE id = ?""", id);
            audit(id, "REOPENED", actor, note, now);
            return find(id).orElseThrow();
        });
    }

    private ReconException lockOpen(long id) {
        List<ReconException> rows = jdbc.query("SELECT * FROM recon_exception WHERE id = ? FOR UPDATE", ExceptionsWorkflow::map, id);
        if (rows.isEmpty()) {
            throw new WorkflowException("NOT_FOUND", "no exception " + id);
        }
        if (!"OPEN".equals(rows.get(0).status())) {
            throw new WorkflowException("NOT_OPEN", "exception " + id + " is already " + rows.get(0).status());
        }
        return rows.get(0);
    }

    private void freezeManually(String itemKey, String otherKey, Integer leg, LocalDate date) {
        if (itemKey == null || itemKey.isEmpty()) {
            return;
        }
        if (otherKey != null && describe(otherKey).isEmpty() && !otherKey.equals(itemKey)) {
            throw new WorkflowException("UNKNOWN_ITEM", "no reconciliation item '" + otherKey + "'");
        }
        jdbc.update("""
                INSERT INTO recon_matched_item (item_key, matched_date, leg, other_key, how) VALUES (?, ?, ?, ?, 'manual')
                ON CONFLICT (item_key) DO NOTHING""", itemKey, date, leg == null ? 0 : leg, otherKey);
    }

    /** The raw row behind an item key, for showing both sides. */
    Map<String, Object> describe(String itemKey) {
        String[] p = itemKey.split(":");
        List<Map<String, Object>> rows = switch (p[0]) {
            case "txn" -> jdbc.queryForList("SELECT * FROM gateway_transaction WHERE id = ?", p[1]);
            case "gw" -> jdbc.queryForList("SELECT * FROM gateway_report_line WHERE file_id = ? AND line_no = ?",
                    Long.parseLong(p[1]), Long.parseLong(p[2]));
            case "bank" -> jdbc.queryForList("SELECT * FROM bank_entry WHERE file_id = ? AND entry_no = ?",
                    Long.parseLong(p[1]), Long.parseLong(p[2]));
            case "batch" -> jdbc.queryForList("""
                    SELECT batch_number, net_currency, count(*) AS lines, sum(net_minor)::bigint AS net_minor
                      FROM visible_gateway_report_line WHERE batch_number = ? AND net_currency = ? GROUP BY 1, 2""",
                    Long.parseLong(p[1]), p[2]);
            case "po" -> jdbc.queryForList("SELECT * FROM recon_expected_bank_debit WHERE payout_id = ?", p[1]);
            default -> List.of();
        };
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private Optional<ReconException> find(long id) {
        return jdbc.query("SELECT * FROM recon_exception WHERE id = ?", ExceptionsWorkflow::map, id).stream().findFirst();
    }

    private void audit(long id, String action, String actor, String note, Instant at) {
        jdbc.update("INSERT INTO recon_exception_action (exception_id, action, actor, note, at) VALUES (?, ?, ?, ?, ?)",
                id, action, actor, note, Timestamp.from(at));
    }

    private static void requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw new WorkflowException("NOTE_REQUIRED", "a note saying why is mandatory");
        }
    }

    static ReconException map(ResultSet rs, int row) throws SQLException {
        return new ReconException(rs.getLong("id"), rs.getObject("business_date", LocalDate.class), rs.getString("type"),
                rs.getObject("leg", Integer.class), rs.getString("status"), rs.getString("merchant_id"), rs.getString("currency"),
                (Long) rs.getObject("amount_minor"), rs.getString("reference"), rs.getString("details"), rs.getString("item_key"),
                rs.getObject("first_seen_date", LocalDate.class), rs.getObject("last_seen_date", LocalDate.class),
                rs.getString("resolution_kind"), rs.getString("resolution"), rs.getString("resolved_by"),
                ts(rs.getTimestamp("resolved_at")), ts(rs.getTimestamp("created_at")));
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
