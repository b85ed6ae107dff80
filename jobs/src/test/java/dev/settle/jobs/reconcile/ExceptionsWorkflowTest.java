package dev.settle.jobs.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.jobs.reconcile.ExceptionsWorkflow.Filter;
import dev.settle.jobs.reconcile.ExceptionsWorkflow.Resolution;
import dev.settle.jobs.reconcile.ExceptionsWorkflow.WorkflowException;
import dev.settle.localservices.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Finance's workflow: list, show, resolve (note mandatory), reopen, manual match; everything audited. */
class ExceptionsWorkflowTest {

    static HikariDataSource dataSource;
    static JdbcTemplate jdbc;
    static ReconTestRows rows;
    static ReconciliationSql sql;
    static ReconRules rules;
    static ExceptionsWorkflow workflow;
    static final LocalDate DAY = LocalDate.of(2027, 9, 1);

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.fresh("recon_workflow", 4);
        jdbc = new JdbcTemplate(dataSource);
        rows = new ReconTestRows(jdbc, new AtomicInteger());
        sql = new ReconciliationSql(dataSource, Clock.systemUTC());
        rules = ReconRules.load(jdbc, "v1");
        workflow = new ExceptionsWorkflow(dataSource, Clock.systemUTC());
        // an old capture the gateway never reported, and a gateway line under another reference
        rows.capture("OURS", "EUR", 1500, DAY.minusDays(5));
        long file = rows.file(DAY, "gw");
        rows.settled(file, 1, "THEIRS", "EUR", 1500, 0);
        rows.settled(file, 2, "ORPHAN", "EUR", 90, 0);
        run(DAY);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    static void run(LocalDate day) {
        sql.begin(day, "v1", null);
        sql.leg1(day, rules.leg(1), 0, 1);
        sql.leg2(day, rules.leg(2));
        sql.leg3(day, rules.leg(3));
        sql.exceptions(day);
    }

    static ReconException only(String reference) {
        return workflow.list(new Filter(null, null, null, null, null, null, 100)).stream()
                .filter(e -> e.reference().equals(reference)).findFirst().orElseThrow();
    }

    @Test
    void lists_by_type_and_shows_both_sides_with_history() {
        assertThat(workflow.list(new Filter(DAY, "MISSING_INTERNALLY", null, "open", null, null, 100)))
                .extracting(ReconException::reference).containsExactlyInAnyOrder("THEIRS", "ORPHAN");
        var detail = workflow.show(only("OURS").id()).orElseThrow();
        assertThat(detail.result()).containsEntry("outcome", "MISSING_IN_GATEWAY");
        assertThat(detail.item()).containsEntry("modification_reference", "OURS"); // our transaction itself
        assertThat(detail.counterpart()).isEmpty(); // the gateway never reported it
        assertThat(detail.history()).extracting(ExceptionAction::action).containsExactly("RAISED");
        assertThat(workflow.list(new Filter(null, null, null, null, 30, DAY, 100))).isEmpty();
    }

    @Test
    void a_resolution_needs_a_note_is_audited_and_can_be_reopened() {
        long id = only("ORPHAN").id();
        assertThatThrownBy(() -> workflow.resolve(id, Resolution.WRITE_OFF, " ", "alice", null))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("NOTE_REQUIRED"));
        ReconException resolved = workflow.resolve(id, Resolution.WRITE_OFF, "0.90 EUR test charge, immaterial", "alice", null);
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.resolvedBy()).isEqualTo("alice");
        assertThatThrownBy(() -> workflow.resolve(id, Resolution.ACCEPTED, "again", "bob", null))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("NOT_OPEN"));
        assertThat(workflow.reopen(id, "auditor disagrees", "bob").status()).isEqualTo("OPEN");
        assertThat(workflow.show(id).orElseThrow().history()).extracting(ExceptionAction::action, ExceptionAction::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RAISED", "reconciliation"),
                        org.assertj.core.groups.Tuple.tuple("RESOLVED", "alice"),
                        org.assertj.core.groups.Tuple.tuple("REOPENED", "bob"));
    }

    @Test
    void a_manual_match_freezes_both_items_so_later_runs_leave_them_alone() {
        ReconException ours = only("OURS");
        ReconException theirs = only("THEIRS");
        workflow.resolve(ours.id(), Resolution.MANUAL_MATCH, "acquirer used another reference", "carol", theirs.itemKey());
        workflow.resolve(theirs.id(), Resolution.MANUAL_MATCH, "see " + ours.id(), "carol", null);
        run(DAY.plusDays(1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recon_result WHERE result_date = ? AND reference IN ('OURS', 'THEIRS')",
                Long.class, DAY.plusDays(1))).isZero();
        assertThatThrownBy(() -> workflow.resolve(only("ORPHAN").id(), Resolution.MANUAL_MATCH, "x", "carol", "gw:999:1"))
                .isInstanceOf(WorkflowException.class);
    }
}
