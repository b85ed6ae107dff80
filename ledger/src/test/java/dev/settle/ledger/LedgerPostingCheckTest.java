package dev.settle.ledger;

import static dev.settle.ledger.AccountKind.GATEWAY_RECEIVABLE;
import static dev.settle.ledger.AccountKind.MERCHANT_PENDING;
import static dev.settle.money.CurrencyUnit.EUR;
import static dev.settle.money.CurrencyUnit.JPY;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.TestDatabase;
import dev.settle.money.Money;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job checks the postings it made ({@link Ledger#unbalancedCurrencies(java.util.Collection)}):
 * only those are read, and an unbalanced one is found even when it got past the database's own
 * check (written here with triggers switched off, which needs a superuser). Own database: the
 * planted posting would fail every whole-ledger check in other classes.
 */
class LedgerPostingCheckTest {

    static HikariDataSource dataSource;
    static Ledger ledger;
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.fresh("ledger_check_test");
        ledger = new Ledger(dataSource, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    static PostingRequest capture(String reference, Money amount) {
        return new PostingRequest(reference, "capture", DAY, "capture", List.of(
                PostingLine.debit(AccountRef.system(GATEWAY_RECEIVABLE, amount.currency()), amount),
                PostingLine.credit(AccountRef.merchant("mer_check", MERCHANT_PENDING, amount.currency()), amount)));
    }

    @Test
    void the_check_of_some_postings_reads_those_and_finds_one_unbalanced_behind_the_triggers() throws Exception {
        ledger.post(capture("job:eur", Money.ofMinor(1000, EUR)));
        ledger.post(capture("job:jpy", Money.ofMinor(500, JPY)));
        ledger.post(capture("other:eur", Money.ofMinor(700, EUR)));
        assertThat(ledger.unbalancedCurrencies(List.of("job:eur", "job:jpy"))).isEmpty();
        assertThat(ledger.unbalancedCurrencies(List.of())).isEmpty();

        long otherPosting = new JdbcTemplate(dataSource).queryForObject(
                "SELECT id FROM ledger_posting WHERE reference = 'other:eur'", Long.class);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // no triggers: the corruption a check must catch
            s.execute("UPDATE ledger_line SET amount_minor = 701 WHERE posting_id = " + otherPosting + " AND side = 'D'");
            s.execute("SET session_replication_role = origin");
        }
        assertThat(ledger.unbalancedCurrencies(List.of("job:eur", "job:jpy"))).isEmpty(); // not the job's posting
        assertThat(ledger.unbalancedCurrencies(List.of("job:eur", "other:eur"))).containsExactly(EUR);
        assertThat(ledger.unbalancedCurrencies()).containsExactly(EUR);
    }
}
