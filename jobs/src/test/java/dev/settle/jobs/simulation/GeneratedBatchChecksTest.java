package dev.settle.jobs.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.LocalPostgres;
import dev.settle.schema.SchemaMigrator;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The generator skips the row triggers (foreign keys, the per-posting balance check) for its bulk
 * batches; its set-based checks must refuse what those triggers would have refused. Each case
 * writes rows with the triggers off, as the generator does, and rolls back.
 */
class GeneratedBatchChecksTest {

    static HikariDataSource dataSource;
    Connection connection;
    JdbcTemplate jdbc;
    long eurAccount;
    long otherEurAccount;

    @BeforeAll
    static void database() {
        LocalPostgres pg = LocalPostgres.server();
        dataSource = pg.dataSource(pg.createDatabase("generated_checks", true), 2);
        SchemaMigrator.migrate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void triggersOff() throws Exception {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute("SET LOCAL session_replication_role = replica");
        eurAccount = account("GATEWAY_RECEIVABLE");
        otherEurAccount = account("FEE_REVENUE");
    }

    @AfterEach
    void rollback() throws Exception {
        connection.rollback();
        connection.close();
    }

    @Test
    void aBalancedPostingOfTwoLinesPasses() {
        long posting = posting("D", 500, "C", 500);
        assertThatCode(() -> DayGenerator.Internal.requireBalanced(jdbc, new long[] {posting})).doesNotThrowAnyException();
    }

    @Test
    void anUnbalancedPostingIsRefused() {
        long good = posting("D", 500, "C", 500);
        long bad = posting("D", 500, "C", 499);
        assertThatThrownBy(() -> DayGenerator.Internal.requireBalanced(jdbc, new long[] {good, bad}))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("1 generated ledger posting(s) unbalanced");
    }

    @Test
    void aPostingWithOneLineOrNoneIsRefused() {
        long oneLine = insertPosting();
        line(oneLine, eurAccount, "D", 300);
        long noLine = insertPosting();
        assertThatThrownBy(() -> DayGenerator.Internal.requireBalanced(jdbc, new long[] {oneLine, noLine}))
                .hasMessageStartingWith("2 generated ledger posting(s)");
    }

    @Test
    void aLineOnAnAccountThatDoesNotExistIsRefused() {
        long posting = insertPosting();
        line(posting, eurAccount, "D", 700);
        line(posting, 987_654_321L, "C", 700);
        assertThatThrownBy(() -> DayGenerator.Internal.requireBalanced(jdbc, new long[] {posting}))
                .hasMessageStartingWith("1 generated ledger posting(s)");
    }

    @Test
    void aLineInAnotherCurrencyThanItsAccountIsRefused() {
        long usdAccount = jdbc.queryForObject("""
                INSERT INTO ledger_account (owner_type, owner_id, kind, currency, created_at)
                VALUES ('system', '', 'FEE_REVENUE', 'USD', now()) RETURNING id""", Long.class);
        long posting = insertPosting();
        line(posting, eurAccount, "D", 700);
        line(posting, usdAccount, "C", 700); // an EUR line on the USD account
        assertThatThrownBy(() -> DayGenerator.Internal.requireBalanced(jdbc, new long[] {posting}))
                .hasMessageStartingWith("1 generated ledger posting(s)");
    }

    @Test
    void aTransactionWithoutItsPaymentIsRefused() {
        jdbc.update("""
                INSERT INTO merchant (id, name, default_currency, status, created_at)
                VALUES ('mer_0123456789abcdefghijklmn', 'm', 'EUR', 'active', now())""");
        jdbc.update("""
                INSERT INTO gateway_transaction (id, merchant_id, payment_id, kind, refund_id, psp_reference, modification_reference,
                                                 amount_minor, currency, business_date, created_at)
                VALUES ('txn_0123456789abcdefghijklmn', 'mer_0123456789abcdefghijklmn', 'pay_0123456789abcdefghijklmn',
                        'capture', NULL, 'psp1', 'mod1', 100, 'EUR', current_date, now())""");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment", Long.class)).isZero();
        assertThatThrownBy(() -> DayGenerator.Internal.requireReferences(jdbc, new String[] {"txn_0123456789abcdefghijklmn"}))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("1 generated transaction(s) reference a missing");
    }

    private long account(String kind) {
        return jdbc.queryForObject("""
                INSERT INTO ledger_account (owner_type, owner_id, kind, currency, created_at)
                VALUES ('system', '', ?, 'EUR', now()) RETURNING id""", Long.class, kind);
    }

    private long posting(String side1, long minor1, String side2, long minor2) {
        long id = insertPosting();
        line(id, eurAccount, side1, minor1);
        line(id, otherEurAccount, side2, minor2);
        return id;
    }

    private long insertPosting() {
        return jdbc.queryForObject("""
                INSERT INTO ledger_posting (reference, kind, description, business_date, created_at)
                VALUES ('test:' || gen_random_uuid(), 'test', 'test', current_date, now()) RETURNING id""", Long.class);
    }

    private void line(long postingId, long accountId, String side, long minor) {
        jdbc.update("INSERT INTO ledger_line (posting_id, account_id, side, amount_minor, currency) VALUES (?, ?, ?, ?, 'EUR')",
                postingId, accountId, side, minor);
    }
}
