package dev.settle.jobs.reconcile;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The set-based statements of a reconciliation run for one business date. Each is one SQL
 * statement over the whole population (or one hash partition of it), never a row-by-row lookup.
 *
 * <p>Inputs of date D: internal transactions and ingested files whose business date is ≤ D, minus
 * items frozen by a final match of an earlier date (view {@code recon_frozen_item}: the MATCHED and
 * MATCHED_WITHIN_TOLERANCE rows of {@code recon_result}, both sides, and the manual matches; each
 * leg asks the part of it that can hold its keys, see {@link #frozenBefore}). That makes a run of D
 * a function of D alone: rerunning it deletes its results and recomputes the same ones.
 */
public final class ReconciliationSql {

    /** Gateway record types matched 1:1 with our captures (Settled) and refunds (Refunded). */
    static final String LEG1_TYPES = "('Settled', 'SettledBulk', 'Refunded', 'RefundedBulk')";

    /**
     * A leg-1 match's reference is the modification reference both its items were hashed on, so a
     * partition needs only its own share of the earlier matches.
     */
    private static final String LEG1_PARTITION_OF_MATCH = "AND mod(abs(hashtext(r.reference)), :n) = :p";

    /**
     * The keys frozen before {@code :d} that a leg asks about, as a subquery with one column,
     * {@code item_key}: the {@code keyColumn} side of that leg's final matches dated before
     * {@code :d} (narrowed by {@code matchFilter} on {@code r}), and every manual match dated before it.
     *
     * <p>For the keys a leg asks about this is what view {@code recon_frozen_item} answers, because
     * each kind of key has one place in a final match: leg 1 matches our transaction (item) with a
     * report line (other), leg 2 a payout batch (item) with a bank credit (other), leg 3 our payout
     * (item) with a bank debit (other); ReconciliationTest checks it. The view reads both sides of
     * every leg's matches, so each lookup hashed the whole match history: after one earlier
     * 1M-payment night, 2.1M keys in 1.3 s, twice per leg-1 partition and twice in leg 2, to
     * look up half a million items or a handful of batches.
     */
    private static String frozenBefore(String keyColumn, int leg, String matchFilter) {
        return """
                (SELECT r.%s AS item_key FROM recon_result r
                  WHERE r.leg = %d AND r.outcome IN %s AND r.result_date < :d %s
                 UNION ALL
                 SELECT m.item_key FROM recon_matched_item m WHERE m.matched_date < :d)""".formatted(keyColumn, leg,
                MatchOutcome.FINAL_SQL_LIST, matchFilter);
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    private final int workMemMb;

    public ReconciliationSql(DataSource dataSource, Clock clock) {
        this(dataSource, clock, 128);
    }

    public ReconciliationSql(DataSource dataSource, Clock clock, int workMemMb) {
        this.workMemMb = workMemMb;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Starts a run of {@code date}: forgets that date's earlier results, records the inputs. */
    public long begin(LocalDate date, String ruleSetVersion, Long jobExecutionId) {
        jdbc.update("DELETE FROM recon_result WHERE result_date = ?", date);
        Long runId = jdbc.queryForObject("""
                INSERT INTO recon_run (business_date, rule_set_version, job_execution_id, started_at)
                VALUES (?, ?, ?, ?) RETURNING id""", Long.class, date, ruleSetVersion, jobExecutionId,
                Timestamp.from(clock.instant()));
        jdbc.update("""
                INSERT INTO recon_run_input (run_id, file_id, sha256)
                SELECT ?, id, sha256 FROM ingested_file WHERE status = 'INGESTED' AND business_date <= ?""", runId, date);
        return runId;
    }

    /**
     * Leg 1, one hash partition: our captures and refunds ↔ the gateway's Settled and Refunded
     * lines, 1:1 on the modification reference (and kind). A second line with the same reference
     * is a DUPLICATE even when the first was matched on an earlier day.
     */
    public int leg1(LocalDate date, ReconRule rule, int partition, int partitions) {
        roomForSortsAndHashes();
        // The planner guesses 0.5 % for "mod(hashtext(..), n) = p" (it is 1/n), so it expects a few dozen
        // report lines and joins them to their visible files in a nested loop that scans every line
        // once per INGESTED file: once on a first night, 4 times after one earlier night (a 1M day's
        // partition: 4 × 0.36 s against one 0.33 s scan), and once more for every file of the history.
        // Everything this statement joins is a day's whole population: hash joins only.
        jdbc.execute("SET LOCAL enable_nestloop = off");
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("d", Date.valueOf(date)).addValue("p", partition).addValue("n", partitions)
                .addValue("tol", rule.toleranceMinor()).addValue("bp", rule.toleranceBp())
                .addValue("aging", rule.agingDays());
        // idempotent: a partition restarted after a crash (its insert committed, its step status not)
        // replaces its own rows; a leg-1 row's reference is the modification reference it was hashed on
        named.update("""
                DELETE FROM recon_result WHERE result_date = :d AND leg = 1 AND mod(abs(hashtext(reference)), :n) = :p""", p);
        return named.update("""
                INSERT INTO recon_result (result_date, leg, outcome, pending, item_key, other_key, merchant_id, reference,
                                          currency, expected_minor, actual_minor, difference_minor, attribution, item_date)
                WITH i AS (
                    SELECT 'txn:' || t.id AS item_key, t.merchant_id, t.modification_reference AS k,
                           CASE WHEN t.kind = 'capture' THEN 'C' ELSE 'R' END AS side, t.currency,
                           CASE WHEN t.kind = 'capture' THEN t.amount_minor ELSE -t.amount_minor END AS expected_minor,
                           t.business_date, 1::bigint AS first_rank
                      FROM gateway_transaction t
                     WHERE t.kind IN ('capture', 'refund') AND t.business_date <= :d
                       AND mod(abs(hashtext(t.modification_reference)), :n) = :p
                       AND NOT EXISTS (SELECT 1 FROM """ + frozenBefore("item_key", 1, LEG1_PARTITION_OF_MATCH) + """
                                        z WHERE z.item_key = 'txn:' || t.id)
                ), ranked AS (
                    SELECT 'gw:' || l.file_id || ':' || l.line_no AS item_key, l.modification_reference AS k,
                           CASE WHEN l.record_type LIKE 'Settled%' THEN 'C' ELSE 'R' END AS side,
                           l.currency, l.gross_minor, l.file_business_date,
                           l.commission_minor + l.markup_minor + l.scheme_fees_minor + l.interchange_minor AS fees_minor,
                           -- grouping only needs equality, which "C" decides as the default collation does;
                           -- its byte-wise sort is what the window's sort runs on (0.6 s instead of 1.5 s for
                           -- half a million lines)
                           row_number() OVER (PARTITION BY l.modification_reference COLLATE "C", left(l.record_type, 7) COLLATE "C"
                                              ORDER BY l.file_id, l.line_no) AS rank
                      FROM visible_gateway_report_line l
                     WHERE l.record_type IN """ + LEG1_TYPES + """
                       AND l.file_business_date <= :d
                       AND mod(abs(hashtext(l.modification_reference)), :n) = :p
                ), g AS (
                    SELECT * FROM ranked r
                     WHERE NOT EXISTS (SELECT 1 FROM """ + frozenBefore("other_key", 1, LEG1_PARTITION_OF_MATCH) + """
                                        z WHERE z.item_key = r.item_key)
                ), joined AS (
                    -- an item meets only the first line of its reference (rank 1); a later line (rank > 1) comes
                    -- out of the full join on its own, to be classified DUPLICATE. One join, so g is read once
                    -- and not stored for a second scan.
                    SELECT i.item_key AS i_key, g.item_key AS g_key, coalesce(i.k, g.k) AS k, i.merchant_id,
                           i.currency AS i_ccy, g.currency AS g_ccy, i.expected_minor, g.gross_minor AS actual_minor,
                           g.fees_minor, i.business_date, g.file_business_date, g.rank
                      FROM i FULL OUTER JOIN g ON g.k = i.k AND g.side = i.side AND g.rank = i.first_rank
                ), classified AS (
                    SELECT j.*,
                           CASE WHEN j.rank > 1 THEN 'DUPLICATE'
                                WHEN j.g_key IS NULL THEN 'MISSING_IN_GATEWAY'
                                WHEN j.i_key IS NULL THEN 'MISSING_INTERNALLY'
                                WHEN j.i_ccy <> j.g_ccy THEN 'CURRENCY_MISMATCH'
                                WHEN j.actual_minor = j.expected_minor THEN 'MATCHED'
                                WHEN abs(j.actual_minor - j.expected_minor) <= :tol
                                  OR abs(j.actual_minor - j.expected_minor)::numeric * 10000 <= :bp::numeric * abs(j.expected_minor)
                                     THEN 'MATCHED_WITHIN_TOLERANCE'
                                ELSE 'AMOUNT_MISMATCH' END AS outcome,
                           CASE WHEN j.i_key IS NOT NULL AND j.g_key IS NOT NULL AND j.i_ccy = j.g_ccy
                                 THEN j.actual_minor - j.expected_minor END AS diff
                      FROM joined j
                )
                SELECT :d, 1, c.outcome,
                       c.outcome = 'MISSING_IN_GATEWAY' AND :d - c.business_date < :aging,
                       coalesce(c.i_key, c.g_key), CASE WHEN c.i_key IS NOT NULL THEN c.g_key END,
                       coalesce(c.merchant_id, ''), c.k, coalesce(c.i_ccy, c.g_ccy), c.expected_minor, c.actual_minor, c.diff,
                       CASE WHEN c.diff IS NULL OR c.diff = 0 THEN ''
                            WHEN abs(c.diff) <= 1 THEN 'ROUNDING'
                            WHEN c.diff = -c.fees_minor THEN 'FEE'
                            ELSE 'UNEXPLAINED' END,
                       coalesce(c.business_date, c.file_business_date)
                  FROM classified c
                 ORDER BY coalesce(c.i_key, c.g_key) -- in primary-key order: the index grows leaf by leaf, not at random""", p);
    }

    /**
     * Leg 2: gateway payout batches ↔ bank credits, N:1 (one credit pays a whole batch). A batch's
     * amount is what its MerchantPayout row pays out, else Σ net of the batch; the credit names the
     * batch in its remittance text (rule pattern), has the amount, and is booked within the window.
     */
    public int leg2(LocalDate date, ReconRule rule) {
        roomForSortsAndHashes();
        // leg 1 has just written a day of matches: legs 2 and 3 and settlement look items up in
        // them, so the planner needs their statistics now, not whenever autovacuum gets round to it
        // (without them it hashes the whole frozen history to check a handful of batches)
        jdbc.execute("ANALYZE recon_result");
        jdbc.update("DELETE FROM recon_result WHERE result_date = ? AND leg = 2", date); // idempotent on restart
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("d", Date.valueOf(date))
                .addValue("tol", rule.toleranceMinor()).addValue("bp", rule.toleranceBp())
                .addValue("window", rule.dateWindowDays()).addValue("pattern", rule.batchReferencePattern());
        return named.update("""
                INSERT INTO recon_result (result_date, leg, outcome, pending, item_key, other_key, merchant_id, reference,
                                          currency, expected_minor, actual_minor, difference_minor, attribution, item_date)
                WITH batches AS MATERIALIZED ( -- frozen batches are looked up per batch, after grouping
                    SELECT 'batch:' || l.batch_number || ':' || l.net_currency AS item_key, l.batch_number, l.net_currency AS currency,
                           CASE WHEN bool_or(l.record_type = 'MerchantPayout')
                                THEN -sum(l.net_minor) FILTER (WHERE l.record_type = 'MerchantPayout')
                                ELSE sum(l.net_minor) END::bigint AS amount_minor,
                           coalesce(max(l.booked_at) FILTER (WHERE l.record_type = 'MerchantPayout'), max(l.booked_at))::date AS payout_date,
                           max(l.file_business_date) AS file_date
                      FROM visible_gateway_report_line l
                     WHERE l.batch_number IS NOT NULL AND l.file_business_date <= :d
                     GROUP BY l.batch_number, l.net_currency
                ), b AS (
                    SELECT * FROM batches x
                     WHERE NOT EXISTS (SELECT 1 FROM """ + frozenBefore("item_key", 2, "") + """
                                        z WHERE z.item_key = x.item_key)
                ), c AS (
                    SELECT 'bank:' || e.file_id || ':' || e.entry_no AS item_key, e.amount_minor, e.currency,
                           coalesce(e.value_date, e.booking_date, e.file_business_date) AS value_date,
                           nullif(substring(e.remittance_info FROM :pattern), '')::bigint AS batch_number, e.remittance_info
                      FROM visible_bank_entry e
                     WHERE e.amount_minor > 0 AND NOT e.reversal AND e.file_business_date <= :d
                       AND NOT EXISTS (SELECT 1 FROM """ + frozenBefore("other_key", 2, "") + """
                                        z WHERE z.item_key = 'bank:' || e.file_id || ':' || e.entry_no)
                ), joined AS (
                    SELECT b.item_key AS b_key, c.item_key AS c_key, b.batch_number, coalesce(b.currency, c.currency) AS currency,
                           b.amount_minor AS expected_minor, c.amount_minor AS actual_minor, b.payout_date, c.value_date,
                           b.file_date, c.remittance_info
                      FROM b FULL OUTER JOIN c
                        ON c.batch_number = b.batch_number AND c.currency = b.currency
                       AND abs(c.value_date - b.payout_date) <= :window
                )
                SELECT :d, 2,
                       CASE WHEN j.c_key IS NULL THEN 'MISSING_BANK_CREDIT'
                            WHEN j.b_key IS NULL THEN 'UNMATCHED_BANK_CREDIT'
                            WHEN j.actual_minor = j.expected_minor THEN 'MATCHED'
                            WHEN abs(j.actual_minor - j.expected_minor) <= :tol
                              OR abs(j.actual_minor - j.expected_minor)::numeric * 10000 <= :bp::numeric * abs(j.expected_minor)
                                 THEN 'MATCHED_WITHIN_TOLERANCE'
                            ELSE 'AMOUNT_MISMATCH' END,
                       j.c_key IS NULL AND :d - coalesce(j.payout_date, j.file_date) <= :window,
                       coalesce(j.b_key, j.c_key), CASE WHEN j.b_key IS NOT NULL THEN j.c_key END, '',
                       coalesce(j.batch_number::text, left(j.remittance_info, 140)), j.currency, j.expected_minor, j.actual_minor,
                       CASE WHEN j.b_key IS NOT NULL AND j.c_key IS NOT NULL THEN j.actual_minor - j.expected_minor END,
                       CASE WHEN j.b_key IS NULL OR j.c_key IS NULL OR j.actual_minor = j.expected_minor THEN ''
                            WHEN abs(j.actual_minor - j.expected_minor) <= 1 THEN 'ROUNDING' ELSE 'UNEXPLAINED' END,
                       coalesce(j.payout_date, j.value_date)
                  FROM joined j""", p);
    }

    /**
     * Leg 3: our payouts (view recon_expected_bank_debit) ↔ bank debits, 1:1 on end-to-end id and
     * amount. Only debits whose end-to-end id is one of ours ('STL' + 12 digits, from the payout
     * job's sequence) can be unmatched exceptions; the bank's other debits are not ours to explain.
     */
    public int leg3(LocalDate date, ReconRule rule) {
        jdbc.update("DELETE FROM recon_result WHERE result_date = ? AND leg = 3", date); // idempotent on restart
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("d", Date.valueOf(date))
                .addValue("window", rule.dateWindowDays()).addValue("aging", rule.agingDays());
        return named.update("""
                INSERT INTO recon_result (result_date, leg, outcome, pending, item_key, other_key, merchant_id, reference,
                                          currency, expected_minor, actual_minor, difference_minor, attribution, item_date)
                WITH po AS (
                    SELECT 'po:' || x.payout_id AS item_key, x.* FROM recon_expected_bank_debit x
                     WHERE x.expected_date <= :d
                       AND NOT EXISTS (SELECT 1 FROM """ + frozenBefore("item_key", 3, "") + """
                                        z WHERE z.item_key = 'po:' || x.payout_id)
                ), dr AS (
                    SELECT 'bank:' || e.file_id || ':' || e.entry_no AS item_key, e.end_to_end_id, -e.amount_minor AS amount_minor,
                           e.currency, coalesce(e.value_date, e.booking_date, e.file_business_date) AS value_date
                      FROM visible_bank_entry e
                     WHERE e.amount_minor < 0 AND NOT e.reversal AND e.end_to_end_id LIKE 'STL%' AND e.file_business_date <= :d
                       AND NOT EXISTS (SELECT 1 FROM """ + frozenBefore("other_key", 3, "") + """
                                        z WHERE z.item_key = 'bank:' || e.file_id || ':' || e.entry_no)
                ), joined AS (
                    SELECT po.item_key AS p_key, dr.item_key AS d_key, coalesce(po.end_to_end_id, dr.end_to_end_id) AS e2e,
                           po.merchant_id, coalesce(po.currency, dr.currency) AS currency, po.amount_minor AS expected_minor,
                           dr.amount_minor AS actual_minor, po.expected_date, dr.value_date
                      FROM po FULL OUTER JOIN dr ON dr.end_to_end_id = po.end_to_end_id
                )
                SELECT :d, 3,
                       CASE WHEN j.d_key IS NULL THEN 'MISSING_BANK_DEBIT'
                            WHEN j.p_key IS NULL THEN 'UNMATCHED_BANK_DEBIT'
                            WHEN j.actual_minor = j.expected_minor THEN 'MATCHED'
                            ELSE 'AMOUNT_MISMATCH' END,
                       j.d_key IS NULL AND :d - j.expected_date <= :aging,
                       coalesce(j.p_key, j.d_key), CASE WHEN j.p_key IS NOT NULL THEN j.d_key END,
                       coalesce(j.merchant_id, ''), j.e2e, j.currency, j.expected_minor, j.actual_minor,
                       CASE WHEN j.p_key IS NOT NULL AND j.d_key IS NOT NULL THEN j.actual_minor - j.expected_minor END,
                       CASE WHEN j.p_key IS NOT NULL AND j.d_key IS NOT NULL AND j.actual_minor <> j.expected_minor
                            THEN 'UNEXPLAINED' ELSE '' END,
                       coalesce(j.expected_date, j.value_date)
                  FROM joined j""", p);
    }

    /**
     * The joins and the duplicate ranking sort a day's whole population; with PostgreSQL's default
     * 4 MB they spill to disk. SET LOCAL lasts until the step's transaction ends (a no-op outside one).
     */
    private void roomForSortsAndHashes() {
        jdbc.execute("SET LOCAL work_mem = '" + workMemMb + "MB'");
    }

    /**
     * Chargeback, SecondChargeback and ChargebackReversed lines create or update the dispute of
     * their payment (by psp reference); every line is recorded once as a dispute event.
     */
    public void disputes(LocalDate date) {
        jdbc.update("""
                INSERT INTO dispute (id, merchant_id, payment_id, psp_reference, status, amount_minor, currency, opened_date, updated_date)
                SELECT 'dp_' || md5(l.psp_reference), coalesce(p.merchant_id, ''), p.id, l.psp_reference, 'open', 0, l.currency,
                       min(l.file_business_date), min(l.file_business_date)
                  FROM visible_gateway_report_line l LEFT JOIN payment p ON p.psp_reference = l.psp_reference
                 WHERE l.record_type IN ('Chargeback', 'SecondChargeback', 'ChargebackReversed') AND l.file_business_date <= ?
                 GROUP BY l.psp_reference, p.merchant_id, p.id, l.currency
                ON CONFLICT (psp_reference) DO NOTHING""", date);
        jdbc.update("""
                INSERT INTO dispute_event (dispute_id, file_id, line_no, record_type, amount_minor, currency, business_date)
                SELECT 'dp_' || md5(l.psp_reference), l.file_id, l.line_no, l.record_type, l.gross_minor, l.currency, l.file_business_date
                  FROM visible_gateway_report_line l
                 WHERE l.record_type IN ('Chargeback', 'SecondChargeback', 'ChargebackReversed') AND l.file_business_date <= ?
                ON CONFLICT (file_id, line_no) DO NOTHING""", date);
        jdbc.update("""
                UPDATE dispute d SET amount_minor = x.total, updated_date = x.last_date,
                       status = CASE x.last_type WHEN 'ChargebackReversed' THEN 'reversed'
                                                 WHEN 'SecondChargeback' THEN 'second_chargeback' ELSE 'open' END
                  FROM (SELECT dispute_id, sum(amount_minor)::bigint AS total, max(business_date) AS last_date,
                               (array_agg(record_type ORDER BY business_date DESC, file_id DESC, line_no DESC))[1] AS last_type
                          FROM dispute_event WHERE business_date <= ? GROUP BY dispute_id) x
                 WHERE d.id = x.dispute_id""", date);
        // settlement asks these tables once per merchant and currency right after this step. With the
        // statistics of an earlier, smaller day (a few events per file) the planner rescanned the
        // merchant's disputes for every event of every file: 40-50 ms a pair, 100 pairs on a 1M day.
        jdbc.execute("ANALYZE dispute, dispute_event");
    }

    /**
     * Raises an exception for every non-final, non-pending result of {@code date} (once per outcome
     * and item, by dedup key), and resolves open exceptions whose item has since been matched —
     * recorded as resolved by match, with the date.
     */
    public void exceptions(LocalDate date) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                WITH raised AS (
                    INSERT INTO recon_exception (business_date, type, merchant_id, currency, amount_minor, reference, details,
                                                 dedup_key, created_at, item_key, leg, first_seen_date, last_seen_date)
                    SELECT r.result_date, r.outcome, r.merchant_id, r.currency,
                           coalesce(r.difference_minor, r.expected_minor, r.actual_minor), r.reference,
                           'expected ' || coalesce(r.expected_minor::text, '-') || ', actual ' || coalesce(r.actual_minor::text, '-')
                               || CASE WHEN r.attribution <> '' THEN ', difference attributed to ' || r.attribution ELSE '' END
                               || CASE WHEN r.other_key IS NOT NULL THEN ', counterpart ' || r.other_key ELSE '' END,
                           r.outcome || ':' || r.item_key, ?, r.item_key, r.leg, r.result_date, r.result_date
                      FROM recon_result r
                     WHERE r.result_date = ? AND NOT r.pending AND r.outcome NOT IN """ + MatchOutcome.FINAL_SQL_LIST + """
                    ON CONFLICT (dedup_key) DO UPDATE SET last_seen_date = greatest(recon_exception.last_seen_date, EXCLUDED.last_seen_date)
                    RETURNING id, (xmax = 0) AS inserted
                )
                INSERT INTO recon_exception_action (exception_id, action, actor, note, at)
                SELECT id, 'RAISED', 'reconciliation', '', ? FROM raised WHERE inserted""", now, date, now);
        // one probe per open exception (there are few), not a join with the whole frozen history
        jdbc.update("""
                WITH matched AS (
                    SELECT e.id, (SELECT min(m.matched_date) FROM recon_frozen_item m
                                   WHERE m.item_key = e.item_key AND m.matched_date <= ?) AS matched_date
                      FROM recon_exception e WHERE e.status = 'OPEN' AND e.item_key <> ''
                ), resolved AS (
                    UPDATE recon_exception e SET status = 'RESOLVED', resolution_kind = 'MATCHED_LATER', resolved_at = ?,
                           resolved_by = 'reconciliation', resolution = 'matched on ' || x.matched_date
                      FROM matched x
                     WHERE x.id = e.id AND x.matched_date IS NOT NULL
                    RETURNING e.id, x.matched_date
                )
                INSERT INTO recon_exception_action (exception_id, action, actor, note, at)
                SELECT id, 'AUTO_RESOLVED', 'reconciliation', 'matched on ' || matched_date, ? FROM resolved""", date, now, now);
    }

    /** Closes the run with a summary per outcome ("MATCHED=12 AMOUNT_MISMATCH=1"). */
    public String finish(long runId, LocalDate date) {
        String summary = jdbc.queryForObject("""
                SELECT coalesce(string_agg(outcome || '=' || n, ' ' ORDER BY outcome), '')
                  FROM (SELECT outcome || CASE WHEN pending THEN '(pending)' ELSE '' END AS outcome, count(*) AS n
                          FROM recon_result WHERE result_date = ? GROUP BY 1) x""", String.class, date);
        jdbc.update("UPDATE recon_run SET finished_at = ?, summary = ? WHERE id = ?", Timestamp.from(clock.instant()), summary, runId);
        return summary;
    }
}
