package dev.settle.ledger;

import static dev.settle.ledger.AccountKind.GATEWAY_RECEIVABLE;
import static dev.settle.ledger.AccountKind.MERCHANT_PENDING;
import static dev.settle.money.CurrencyUnit.EUR;
import static dev.settle.money.CurrencyUnit.JPY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.TestDatabase;
import dev.settle.money.Money;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger against a real PostgreSQL: what the code refuses, and what the database refuses by itself. */
class LedgerTest {

    static HikariDataSource dataSource;
    static Ledger ledger;
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.fresh("ledger_test");
        ledger = new Ledger(dataSource, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    static String merchant() {
        return "mer_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static PostingRequest capture(String reference, String merchantId, Money amount) {
        return new PostingRequest(reference, "capture", DAY, "capture", List.of(
                PostingLine.debit(AccountRef.system(GATEWAY_RECEIVABLE, amount.currency()), amount),
                PostingLine.credit(AccountRef.merchant(merchantId, MERCHANT_PENDING, amount.currency()), amount)));
    }

    @Test
    void the_per_posting_balance_check_never_jit_compiles() {
        // an index probe per posting; with stale statistics PostgreSQL used to JIT it on every call
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT unnest(proconfig) FROM pg_proc WHERE proname = 'ledger_assert_balanced'",
                String.class)).contains("jit=off");
    }

    @Test
    void a_balanced_posting_moves_both_balances() {
        String m = merchant();
        ledger.post(capture("cap:" + m, m, Money.ofMinor(1250, EUR)));
        assertThat(ledger.balance(AccountRef.merchant(m, MERCHANT_PENDING, EUR))).isEqualTo(Money.ofMinor(1250, EUR));
        assertThat(ledger.unbalancedCurrencies()).isEmpty();
    }

    @Test
    void the_code_refuses_an_unbalanced_posting_before_it_reaches_the_database() {
        String m = merchant();
        assertThatThrownBy(() -> new PostingRequest("x:" + m, "capture", DAY, "", List.of(
                PostingLine.debit(AccountRef.system(GATEWAY_RECEIVABLE, EUR), Money.ofMinor(100, EUR)),
                PostingLine.credit(AccountRef.merchant(m, MERCHANT_PENDING, EUR), Money.ofMinor(99, EUR)))))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.code()).isEqualTo(LedgerException.Code.UNBALANCED));
    }

    @Test
    void the_database_refuses_an_unbalanced_posting_even_when_the_code_is_bypassed() throws SQLException {
        long receivable = accountId(AccountRef.system(GATEWAY_RECEIVABLE, EUR));
        long pending = accountId(AccountRef.merchant(merchant(), MERCHANT_PENDING, EUR));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO ledger_posting (id, reference, kind, business_date, created_at) "
                    + "VALUES (900001, 'raw-unbalanced', 'raw', DATE '2026-11-24', now())");
            s.execute("INSERT INTO ledger_line (posting_id, account_id, side, amount_minor, currency) VALUES "
                    + "(900001, " + receivable + ", 'D', 100, 'EUR'), (900001, " + pending + ", 'C', 90, 'EUR')");
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class)
                    .hasMessageContaining("unbalanced in EUR: debits 100 <> credits 90");
        }
        assertThat(ledger.find("raw-unbalanced")).isEmpty();
    }

    @Test
    void the_database_refuses_a_posting_with_a_single_line() throws SQLException {
        long receivable = accountId(AccountRef.system(GATEWAY_RECEIVABLE, EUR));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO ledger_posting (id, reference, kind, business_date, created_at) "
                    + "VALUES (900002, 'raw-one-line', 'raw', DATE '2026-11-24', now())");
            s.execute("INSERT INTO ledger_line (posting_id, account_id, side, amount_minor, currency) VALUES "
                    + "(900002, " + receivable + ", 'D', 100, 'EUR')");
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class).hasMessageContaining("at least two");
        }
    }

    @Test
    void the_database_refuses_a_line_in_another_currency_than_its_account() throws SQLException {
        long eurAccount = accountId(AccountRef.system(GATEWAY_RECEIVABLE, EUR));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO ledger_posting (id, reference, kind, business_date, created_at) "
                    + "VALUES (900003, 'raw-ccy', 'raw', DATE '2026-11-24', now())");
            assertThatThrownBy(() -> s.execute("INSERT INTO ledger_line (posting_id, account_id, side, amount_minor, currency) "
                    + "VALUES (900003, " + eurAccount + ", 'D', 100, 'JPY')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("foreign key");
            c.rollback();
        }
    }

    @Test
    void posted_lines_can_be_neither_updated_nor_deleted() {
        String m = merchant();
        ledger.post(capture("cap:" + m, m, Money.ofMinor(500, EUR)));
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_line SET amount_minor = 1 WHERE posting_id = "
                + "(SELECT id FROM ledger_posting WHERE reference = ?)", "cap:" + m)).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_posting WHERE reference = ?", "cap:" + m)).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE ledger_line CASCADE")).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void a_retried_posting_with_the_same_reference_is_not_doubled() {
        String m = merchant();
        Posting first = ledger.post(capture("cap:" + m, m, Money.ofMinor(700, JPY)));
        Posting retry = ledger.post(capture("cap:" + m, m, Money.ofMinor(700, JPY)));
        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(ledger.balance(AccountRef.merchant(m, MERCHANT_PENDING, JPY))).isEqualTo(Money.ofMinor(700, JPY));
    }

    @Test
    void concurrent_retries_of_one_posting_write_it_once() throws Exception {
        String m = merchant();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Posting>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> ledger.post(capture("cap:" + m, m, Money.ofMinor(999, EUR))));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Posting> f : pool.invokeAll(calls)) {
                ids.add(f.get().id());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(ledger.balance(AccountRef.merchant(m, MERCHANT_PENDING, EUR))).isEqualTo(Money.ofMinor(999, EUR));
    }

    @Test
    void the_same_reference_with_other_lines_is_an_error_not_a_replay() {
        String m = merchant();
        ledger.post(capture("cap:" + m, m, Money.ofMinor(100, EUR)));
        assertThatThrownBy(() -> ledger.post(capture("cap:" + m, m, Money.ofMinor(101, EUR))))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.code()).isEqualTo(LedgerException.Code.REFERENCE_REUSED));
    }

    @Test
    void a_correction_is_a_reversing_posting_and_happens_once() {
        String m = merchant();
        ledger.post(capture("cap:" + m, m, Money.ofMinor(4200, EUR)));
        Posting reversal = ledger.reverse("cap:" + m, "rev:" + m, DAY, "captured twice by mistake");
        assertThat(reversal.lines()).allSatisfy(l -> assertThat(l.amount().isPositive()).isTrue());
        assertThat(ledger.balance(AccountRef.merchant(m, MERCHANT_PENDING, EUR)).isZero()).isTrue();
        assertThat(ledger.reverse("cap:" + m, "rev:" + m, DAY, "retry").replayed()).isTrue();
        assertThatThrownBy(() -> ledger.reverse("cap:" + m, "rev2:" + m, DAY, "again"))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.code()).isEqualTo(LedgerException.Code.ALREADY_REVERSED));
    }

    private static long accountId(AccountRef ref) {
        // creates the account through the ledger (a zero-sum posting would be refused, so post a tiny real one)
        ledger.post(new PostingRequest("open:" + ref + ":" + UUID.randomUUID(), "open", DAY, "", List.of(
                PostingLine.debit(ref.kind().normalSide() == Side.DEBIT ? ref : AccountRef.system(AccountKind.SUSPENSE, ref.currency()),
                        Money.ofMinor(1, ref.currency())),
                PostingLine.credit(ref.kind().normalSide() == Side.DEBIT ? AccountRef.system(AccountKind.SUSPENSE, ref.currency()) : ref,
                        Money.ofMinor(1, ref.currency())))));
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                "SELECT id FROM ledger_account WHERE owner_id = ? AND kind = ? AND currency = ?", Long.class,
                ref.merchantId(), ref.kind().name(), ref.currency().code());
    }
}
