package dev.settle.jobs.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per outcome: the smallest set of inputs that produces it, and the outcome (and pending
 * flag, and attribution) reconciliation must give. Each row runs on its own business date.
 */
class MatchOutcomeTableTest {

    static HikariDataSource dataSource;
    static JdbcTemplate jdbc;
    static ReconciliationSql sql;
    static ReconRules rules;
    static final AtomicInteger seq = new AtomicInteger();
    static ReconTestRows rows;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.fresh("recon_outcomes", 4);
        jdbc = new JdbcTemplate(dataSource);
        sql = new ReconciliationSql(dataSource, Clock.systemUTC());
        rules = ReconRules.load(jdbc, "v1");
        rows = new ReconTestRows(jdbc, seq);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    /**
     * @param internal "ccy:amount:daysOld" of our capture, or "-" for none
     * @param gateway "ccy:gross[:fees]" of the gateway's Settled line, "-" for none, "2x…" for the line twice
     */
    @ParameterizedTest(name = "{0} / {1} -> {2} pending={3} {4}")
    @CsvSource({
            "EUR:1000:0, EUR:1000,      MATCHED,                  false, ''",
            "EUR:1000:0, EUR:999,       MATCHED_WITHIN_TOLERANCE, false, ROUNDING",
            "EUR:1000:0, EUR:1100,      AMOUNT_MISMATCH,          false, UNEXPLAINED",
            "EUR:1000:0, EUR:988:12,    AMOUNT_MISMATCH,          false, FEE",
            "EUR:1000:0, USD:1000,      CURRENCY_MISMATCH,        false, ''",
            "EUR:1000:1, -,             MISSING_IN_GATEWAY,       true,  ''",
            "EUR:1000:2, -,             MISSING_IN_GATEWAY,       false, ''",
            "-,          EUR:1000,      MISSING_INTERNALLY,       false, ''",
            "EUR:1000:0, 2xEUR:1000,    DUPLICATE,                false, ''",
    })
    void leg1_outcome(String internal, String gateway, MatchOutcome expected, boolean pending, String attribution) {
        LocalDate day = LocalDate.of(2027, 1, 1).plusDays(seq.incrementAndGet());
        String ref = "REF" + day;
        long fileId = file(day, "gw");
        if (!internal.equals("-")) {
            String[] p = internal.split(":");
            capture(ref, p[0], Long.parseLong(p[1]), day.minusDays(Long.parseLong(p[2])));
        }
        if (!gateway.equals("-")) {
            int times = gateway.startsWith("2x") ? 2 : 1;
            String[] g = gateway.replace("2x", "").split(":");
            for (int i = 1; i <= times; i++) {
                settled(fileId, i, ref, g[0], Long.parseLong(g[1]), g.length > 2 ? Long.parseLong(g[2]) : 0);
            }
        }
        run(day);
        // earlier rows' open items are re-matched on later dates too: look at this row's reference only
        var row = jdbc.queryForMap("SELECT outcome, pending, attribution FROM recon_result WHERE result_date = ? AND leg = 1 "
                + "AND reference = ? ORDER BY (outcome = ?) DESC LIMIT 1", day, ref, expected.name());
        assertThat(row).containsEntry("outcome", expected.name()).containsEntry("pending", pending)
                .containsEntry("attribution", attribution);
    }

    /**
     * @param batch "ccy:net:daysOld" of a gateway payout batch, or "-"
     * @param credit "ccy:amount:remittance" of a bank credit, or "-"
     */
    @ParameterizedTest(name = "{0} / {1} -> {2} pending={3}")
    @CsvSource({
            "EUR:5000:0, EUR:5000:ADYEN BATCH 77,  MATCHED,               false",
            "EUR:5000:0, EUR:5100:ADYEN BATCH 77,  AMOUNT_MISMATCH,       false",
            "EUR:5000:1, -,                        MISSING_BANK_CREDIT,   true",
            "EUR:5000:5, -,                        MISSING_BANK_CREDIT,   false",
            "-,          EUR:5000:WHO KNOWS,       UNMATCHED_BANK_CREDIT, false",
    })
    void leg2_outcome(String batch, String credit, MatchOutcome expected, boolean pending) {
        LocalDate day = LocalDate.of(2027, 3, 1).plusDays(seq.incrementAndGet());
        long batchNumber = 7_000 + seq.incrementAndGet();
        if (!batch.equals("-")) {
            String[] b = batch.split(":");
            long fileId = file(day, "gw");
            LocalDate payoutDate = day.minusDays(Long.parseLong(b[2]));
            jdbc.update("""
                    INSERT INTO gateway_report_line (file_id, line_no, source, record_type, batch_number, booked_at, currency,
                                                     gross_minor, net_currency, net_minor)
                    VALUES (?, 1, 'gw', 'MerchantPayout', ?, ?::date, ?, 0, ?, ?)""",
                    fileId, batchNumber, payoutDate.toString(), b[0], b[0], -Long.parseLong(b[1]));
        }
        if (!credit.equals("-")) {
            String[] c = credit.split(":");
            long fileId = file(day, "bank");
            jdbc.update("""
                    INSERT INTO bank_entry (file_id, entry_no, statement_no, line_no, account, currency, amount_minor, value_date,
                                            remittance_info) VALUES (?, 1, 1, 1, 'ACC', ?, ?, ?, ?)""",
                    fileId, c[0], Long.parseLong(c[1]), day, c[2].replace("77", Long.toString(batchNumber)));
        }
        run(day);
        var row = jdbc.queryForMap("SELECT outcome, pending FROM recon_result WHERE result_date = ? AND leg = 2 "
                + "AND reference IN (?, ?)", day, Long.toString(batchNumber), credit.equals("-") ? "" : credit.split(":")[2]);
        assertThat(row).containsEntry("outcome", expected.name()).containsEntry("pending", pending);
    }

    @Test
    void a_final_match_is_frozen_and_not_rematched_on_a_later_date() {
        LocalDate day = LocalDate.of(2027, 6, 1);
        long fileId = file(day, "gw");
        capture("FROZEN", "EUR", 700, day);
        settled(fileId, 1, "FROZEN", "EUR", 700, 0);
        run(day);
        run(day.plusDays(1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recon_result WHERE reference = 'FROZEN' AND result_date = ?",
                Long.class, day.plusDays(1))).isZero();
    }

    /**
     * The gateway repeats a line it reported (and we matched) days ago. Ranking must see the earlier,
     * frozen line: ranked among the open lines alone the repeat would come out MISSING_INTERNALLY,
     * a different exception with a different dedup key, and finance would look for a payment we
     * never took instead of a line the gateway sent twice.
     */
    @Test
    void a_repeat_of_a_line_matched_days_ago_is_a_duplicate_and_the_match_stands() {
        LocalDate day = LocalDate.of(2027, 8, 1);
        LocalDate later = day.plusDays(3);
        long firstFile = file(day, "gw");
        capture("REPEATED", "EUR", 1_250, day);
        settled(firstFile, 1, "REPEATED", "EUR", 1_250, 0);
        run(day);
        long laterFile = file(later, "gw");
        settled(laterFile, 7, "REPEATED", "EUR", 1_250, 0);
        run(later);

        String ourCapture = jdbc.queryForObject("SELECT 'txn:' || id FROM gateway_transaction WHERE modification_reference = "
                + "'REPEATED'", String.class);
        assertThat(jdbc.queryForList("SELECT result_date || ' ' || outcome || ' ' || item_key || ' ' || coalesce(other_key, '-') "
                + "FROM recon_result WHERE reference = 'REPEATED' AND leg = 1 ORDER BY result_date", String.class))
                .containsExactly(day + " MATCHED " + ourCapture + " gw:" + firstFile + ":1",
                        later + " DUPLICATE gw:" + laterFile + ":7 -");
    }

    @Test
    void every_leg_can_be_run_again_after_a_crash_without_duplicating_its_results() {
        LocalDate day = LocalDate.of(2027, 7, 1);
        long fileId = file(day, "gw");
        capture("TWICE", "EUR", 900, day);
        settled(fileId, 1, "TWICE", "EUR", 900, 0);
        run(day);
        // a node killed after a step's work committed but before its status did: the step runs again
        sql.leg1(day, rules.leg(1), 0, 1);
        sql.leg2(day, rules.leg(2));
        sql.leg3(day, rules.leg(3));
        sql.exceptions(day);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recon_result WHERE result_date = ? AND reference = 'TWICE'",
                Long.class, day)).isEqualTo(1);
    }

    @Test
    void outcomes_are_declared_in_precedence_order_with_only_the_first_two_final() {
        assertThat(List.of(MatchOutcome.values()).stream().filter(MatchOutcome::finalMatch))
                .containsExactly(MatchOutcome.MATCHED, MatchOutcome.MATCHED_WITHIN_TOLERANCE);
        assertThat(MatchOutcome.values()[0]).isEqualTo(MatchOutcome.MATCHED);
    }

    static void run(LocalDate day) {
        sql.begin(day, "v1", null);
        sql.leg1(day, rules.leg(1), 0, 1);
        sql.leg2(day, rules.leg(2));
        sql.leg3(day, rules.leg(3));
        sql.exceptions(day);
    }

    static long file(LocalDate day, String source) {
        return rows.file(day, source);
    }

    static void capture(String ref, String currency, long amountMinor, LocalDate businessDate) {
        rows.capture(ref, currency, amountMinor, businessDate);
    }

    static void settled(long fileId, int lineNo, String ref, String currency, long grossMinor, long feesMinor) {
        rows.settled(fileId, lineNo, ref, currency, grossMinor, feesMinor);
    }
}
