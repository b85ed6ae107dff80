package dev.settle.jobs.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.ledger.Ledger;
import dev.settle.localservices.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The settle step's reader: every configured, unsettled pair comes out of exactly one partition,
 * with exactly its own reconciled items (matched by a rule or by hand) in statement order (business
 * date, then creation time); items of merchants without terms, of settled pairs and not yet
 * reconciled never do.
 */
class SettlementWorkReaderTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 4);
    static HikariDataSource dataSource;
    static SettlementService service;
    static SettlementFixtures fx;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.fresh("settle_reader", 4);
        var tx = new DataSourceTransactionManager(dataSource);
        Ledger ledger = new Ledger(dataSource, tx, Clock.systemUTC());
        MerchantSettlementConfigs configs = new MerchantSettlementConfigs(dataSource, Clock.systemUTC());
        service = new SettlementService(dataSource, tx, ledger, configs, Clock.systemUTC());
        fx = new SettlementFixtures(new JdbcTemplate(dataSource), ledger, configs);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void each_configured_pair_comes_once_with_exactly_its_own_items_in_statement_order() throws Exception {
        Map<String, List<String>> expected = new HashMap<>();
        List<String> unconfigured = new ArrayList<>();
        String settledEarlier = null;
        for (int m = 0; m < 12; m++) {
            String merchant = fx.merchant("shop " + m);
            if (m == 2) {
                settledEarlier = merchant; // three items, dated DAY-2, DAY-1, DAY
            }
            boolean configured = m % 4 != 3;
            if (configured) {
                fx.configureCsv(merchant, SettlementFixtures.terms("EUR", 100, 0, 0, 0, 0, 0));
                expected.put(merchant, new ArrayList<>());
            }
            for (int i = 0; i <= m % 3; i++) {
                LocalDate date = DAY.minusDays(2 - i); // older items first: statement order is by business date
                String txn = fx.reconciled(merchant, "EUR", 1_000 + i, date);
                (configured ? expected.get(merchant) : unconfigured).add(txn);
            }
            fx.unreconciled(merchant, "EUR", 99, DAY);
            if (m == 4) { // configured: its items also come from a manual match, and two of one day by creation time
                String manual = fx.manuallyMatched(merchant, "EUR", 500, DAY.minusDays(3));
                expected.get(merchant).add(0, manual);
                String a = fx.reconciled(merchant, "EUR", 600, DAY);
                String b = fx.reconciled(merchant, "EUR", 700, DAY);
                String later = a.compareTo(b) < 0 ? a : b; // the smaller id is created later: time orders, not the id
                String earlier = later.equals(a) ? b : a;
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                jdbc.update("UPDATE gateway_transaction SET created_at = created_at + interval '1 hour' WHERE id = ?", later);
                expected.get(merchant).addAll(List.of(earlier, later));
            }
        }
        assertThat(service.settle(new SettlementService.Key(settledEarlier, "EUR"), DAY.minusDays(1)))
                .isEqualTo(SettlementService.Outcome.SETTLED);
        expected.get(settledEarlier).subList(0, 2).clear(); // the items dated up to that day are settled

        List<String> mine = new ArrayList<>(expected.keySet());
        Map<String, List<String>> read = new HashMap<>();
        for (int partition = 0; partition < 2; partition++) {
            SettlementWorkReader reader = new SettlementWorkReader(service, dataSource, DAY, partition, 2);
            reader.open(new ExecutionContext());
            try {
                for (SettlementWork work = reader.read(); work != null; work = reader.read()) {
                    if (!mine.contains(work.key().merchantId())) {
                        continue; // another test's merchant
                    }
                    List<String> ids = work.gatewayItems().stream().map(SettlementItem::id).toList();
                    assertThat(read.put(work.key().merchantId(), ids)).as("pair read twice").isNull();
                }
            } finally {
                reader.close();
            }
        }
        assertThat(read).isEqualTo(expected);
        assertThat(read.values().stream().flatMap(List::stream)).doesNotContainAnyElementsOf(unconfigured);
    }

    @Test
    void an_item_settled_elsewhere_in_the_meantime_refuses_the_whole_pair_and_nothing_of_it_is_written() {
        String merchant = fx.merchant("raced shop");
        fx.configureCsv(merchant, SettlementFixtures.terms("EUR", 100, 0, 0, 0, 0, 0));
        String first = fx.reconciled(merchant, "EUR", 2_000, DAY);
        String second = fx.reconciled(merchant, "EUR", 3_000, DAY);
        SettlementService.Key key = new SettlementService.Key(merchant, "EUR");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<SettlementItem> items = ReconciledGatewayItems.ofPair(jdbc, merchant, dev.settle.money.CurrencyUnit.EUR, DAY);
        assertThat(items).extracting(SettlementItem::id).containsExactly(first, second);
        // another runner settled the second item after this one read it
        jdbc.update("INSERT INTO settled_transaction (transaction_id, settlement_id, kind, amount_minor, fee_minor, line_no) "
                + "VALUES (?, 'stl_elsewhere', 'CAPTURE', 3000, 30, 1)", second);

        assertThatThrownBy(() -> service.settle(new SettlementWork(key, items), DAY))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class).hasMessageContaining(second);
        String id = SettlementService.settlementId(merchant, "EUR", DAY);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settlement WHERE id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settled_transaction WHERE settlement_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_posting WHERE reference = ?", Long.class, "settlement:" + id))
                .isZero();
    }
}
