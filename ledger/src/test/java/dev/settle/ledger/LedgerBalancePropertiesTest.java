package dev.settle.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.TestDatabase;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random sequences of balanced postings and reversals: every account balance the ledger reports
 * equals the one computed independently in memory, and equals the database's balance view.
 */
class LedgerBalancePropertiesTest {

    static HikariDataSource dataSource;
    static Ledger ledger;

    @BeforeContainer
    static void database() {
        dataSource = TestDatabase.fresh("ledger_prop");
        ledger = new Ledger(dataSource, Clock.systemUTC());
    }

    @AfterContainer
    static void close() {
        dataSource.close();
    }

    record Move(int from, int to, long amountMinor, String currency, boolean reverseIt) {
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.longs().between(1, 1_000_000_000L),
                        Arbitraries.of("EUR", "JPY", "KWD"),
                        Arbitraries.of(false, false, true))
                .as(Move::new).filter(m -> m.from() != m.to()).list().ofMinSize(1).ofMaxSize(15);
    }

    @Property(tries = 40)
    void balances_derived_from_lines_match_an_independent_model(@ForAll("moves") List<Move> moves) {
        String merchant = "mer_" + UUID.randomUUID().toString().substring(0, 8);
        AccountKind[] kinds = {AccountKind.MERCHANT_PENDING, AccountKind.MERCHANT_AVAILABLE,
                AccountKind.MERCHANT_RESERVE, AccountKind.MERCHANT_FEES};
        Map<AccountRef, Long> expectedDebitMinusCredit = new HashMap<>();
        List<String> references = new ArrayList<>();
        for (Move move : moves) {
            CurrencyUnit currency = CurrencyUnit.of(move.currency());
            AccountRef from = AccountRef.merchant(merchant, kinds[move.from()], currency);
            AccountRef to = AccountRef.merchant(merchant, kinds[move.to()], currency);
            Money amount = Money.ofMinor(move.amountMinor(), currency);
            String reference = "p:" + UUID.randomUUID();
            ledger.post(new PostingRequest(reference, "move", LocalDate.of(2026, 1, 1), "",
                    List.of(PostingLine.debit(to, amount), PostingLine.credit(from, amount))));
            expectedDebitMinusCredit.merge(to, move.amountMinor(), Math::addExact);
            expectedDebitMinusCredit.merge(from, -move.amountMinor(), Math::addExact);
            if (move.reverseIt()) {
                ledger.reverse(reference, "r:" + reference, LocalDate.of(2026, 1, 2), "test");
                expectedDebitMinusCredit.merge(to, -move.amountMinor(), Math::addExact);
                expectedDebitMinusCredit.merge(from, move.amountMinor(), Math::addExact);
            }
            references.add(reference);
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        expectedDebitMinusCredit.forEach((account, debitMinusCredit) -> {
            long normal = account.kind().normalSide() == Side.DEBIT ? debitMinusCredit : -debitMinusCredit;
            assertThat(ledger.balance(account).amountMinor()).as("balance of %s", account).isEqualTo(normal);
            Long viewDebitMinusCredit = jdbc.queryForObject(
                    "SELECT (debits_minor - credits_minor)::bigint FROM ledger_account_balance WHERE owner_id = ? AND kind = ? AND currency = ?",
                    Long.class, account.merchantId(), account.kind().name(), account.currency().code());
            assertThat(viewDebitMinusCredit).isEqualTo(debitMinusCredit);
        });
        assertThat(ledger.unbalancedCurrencies()).isEmpty();
    }
}
