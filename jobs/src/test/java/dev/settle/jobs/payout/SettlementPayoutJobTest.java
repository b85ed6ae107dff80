package dev.settle.jobs.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.camt.IsoFixtures;
import dev.settle.formats.nacha.NachaValidation;
import dev.settle.formats.nacha.NachaValidator;
import dev.settle.formats.pain002.Pain002Message;
import dev.settle.formats.pain002.Pain002StatusReason;
import dev.settle.formats.pain002.Pain002TransactionStatus;
import dev.settle.formats.pain002.Pain002Writer;
import dev.settle.jobs.JobRunner;
import dev.settle.jobs.JobTestSupport;
import dev.settle.jobs.settlement.MerchantSettlementConfigs;
import dev.settle.jobs.settlement.SettlementFixtures;
import dev.settle.jobs.settlement.SettlementJob;
import dev.settle.ledger.AccountKind;
import dev.settle.ledger.AccountRef;
import dev.settle.ledger.Ledger;
import dev.settle.money.CurrencyUnit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Settle and payout jobs end to end on real PostgreSQL, Redis and SFTP, with four-eyes release on.
 * After every job: the ledger balances per currency, Σ statement lines = payout, and every
 * reconciled transaction is settled exactly once.
 */
@SpringBootTest(classes = dev.settle.jobs.JobsTestApplication.class)
class SettlementPayoutJobTest {

    static final JobTestSupport services;

    static {
        try {
            services = new JobTestSupport("settlement_test");
            Files.createDirectories(services.sftp.root().resolve("bank/returns"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        services.register(registry);
        var sftp = services.sftp;
        String b = "settle.payout.banks[0].";
        registry.add("settle.payout.four-eyes", () -> "true");
        registry.add("settle.payout.operator", () -> "payout-job");
        registry.add(b + "name", () -> "default");
        registry.add(b + "host", sftp::host);
        registry.add(b + "port", sftp::port);
        registry.add(b + "user", sftp::user);
        registry.add(b + "private-key", () -> sftp.clientPrivateKeyFile().toString());
        registry.add(b + "known-hosts", () -> sftp.knownHostsFile().toString());
        registry.add(b + "outbox-directory", () -> "/bank/outbox");
        registry.add(b + "returns-directory", () -> "/bank/returns");
        registry.add(b + "nacha-immediate-destination", () -> "091000019");
        registry.add(b + "nacha-immediate-origin", () -> "1234567890");
        registry.add(b + "nacha-company-id", () -> "1234567890");
        registry.add(b + "nacha-odfi-routing", () -> "091000019");
        registry.add(b + "debtor-iban", () -> "DE89370400440532013000");
        registry.add(b + "debtor-bic", () -> "COBADEFFXXX");
    }

    @AfterAll
    static void stop() {
        services.sftp.close();
    }

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    MerchantSettlementConfigs configs;
    @Autowired
    PayoutAdmin admin;

    SettlementFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new SettlementFixtures(jdbc, ledger, configs);
    }

    void run(String job, LocalDate date, String... rerun) throws Exception {
        Map<String, String> params = new HashMap<>();
        params.put("businessDate", date.toString());
        if (rerun.length > 0) {
            params.put("rerun", rerun[0]);
        }
        assertThat(runner.run(job, params).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertInvariants();
    }

    void settleAndPay(LocalDate date) throws Exception {
        run(SettlementJob.NAME, date);
        run(PayoutJob.NAME, date);
    }

    /** Approves every waiting file as a second person, then reruns the payout job so it uploads them. */
    void approveAndUpload(LocalDate date) throws Exception {
        for (String file : jdbc.queryForList("SELECT id FROM payout_file WHERE status = 'PENDING_APPROVAL'", String.class)) {
            admin.approve(file, "alice", "checked");
        }
        run(PayoutJob.NAME, date, "upload-" + System.nanoTime());
    }

    void assertInvariants() {
        assertThat(ledger.unbalancedCurrencies()).isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT s.id FROM settlement s WHERE s.net_minor <>
                       (SELECT coalesce(sum(amount_minor), 0) FROM settlement_statement_line l WHERE l.settlement_id = s.id)""",
                String.class)).isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT p.id FROM payout p JOIN settlement s ON s.id = p.settlement_id WHERE p.amount_minor <>
                       (SELECT sum(amount_minor) FROM settlement_statement_line l WHERE l.settlement_id = s.id)""", String.class)).isEmpty();
        // every reconciled transaction of a configured merchant up to the last settled date is settled, once
        assertThat(jdbc.queryForList("""
                SELECT t.id FROM gateway_transaction t
                  JOIN recon_frozen_item m ON m.item_key = 'txn:' || t.id
                  JOIN merchant_settlement_config c ON c.merchant_id = t.merchant_id AND c.currency = t.currency
                 WHERE m.matched_date <= (SELECT max(business_date) FROM settlement WHERE merchant_id = t.merchant_id
                                             AND currency = t.currency AND transaction_count > 0)
                   AND NOT EXISTS (SELECT 1 FROM settled_transaction s WHERE s.transaction_id = t.id)""", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM settled_transaction s
                  JOIN gateway_transaction t ON t.id = s.transaction_id
                  LEFT JOIN recon_frozen_item m ON m.item_key = 'txn:' || t.id WHERE m.item_key IS NULL""", Long.class)).isZero();
    }

    Map<String, Object> settlement(String merchant, LocalDate date) {
        return jdbc.queryForMap("SELECT * FROM settlement WHERE merchant_id = ? AND business_date = ?", merchant, date);
    }

    long available(String merchant, String ccy) {
        return ledger.balance(AccountRef.merchant(merchant, AccountKind.MERCHANT_AVAILABLE, CurrencyUnit.of(ccy))).amountMinor();
    }

    byte[] remote(String fileName) throws Exception {
        return Files.readAllBytes(services.sftp.root().resolve("bank/outbox").resolve(fileName));
    }

    @Test
    void settles_in_four_currencies_pays_after_four_eyes_approval_and_a_rerun_changes_nothing() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 2);
        String eur = fx.merchant("Euro shop");
        fx.configurePain001(eur, SettlementFixtures.terms("EUR", 290, 25, 0, 0, 0, 0), "repay");
        String usd = fx.merchant("US shop");
        fx.configureNacha(usd, SettlementFixtures.terms("USD", 300, 30, 50, 0, 0, 100));
        String jpy = fx.merchant("Tokyo shop");
        fx.configureCsv(jpy, SettlementFixtures.terms("JPY", 360, 10, 0, 0, 0, 0));
        String kwd = fx.merchant("Kuwait shop");
        fx.configurePain001(kwd, SettlementFixtures.terms("KWD", 250, 100, 0, 0, 0, 0), "repay");
        fx.reconciled(eur, "EUR", 10_000, day);
        fx.reconciled(eur, "EUR", 5_055, day);
        fx.reconciled(eur, "EUR", -2_000, day);
        String late = fx.unreconciled(eur, "EUR", 7_777, day);
        fx.reconciled(usd, "USD", 100_00, day);
        fx.reconciled(usd, "USD", 1_00, day);
        fx.reconciled(jpy, "JPY", 1_234, day);
        fx.reconciled(kwd, "KWD", 12_345, day);

        run(SettlementJob.NAME, day);

        // EUR: fees 290+25 and round(146.595)=147+25, refund fee 15 → net 15055-2000-315-172-15
        Map<String, Object> e = settlement(eur, day);
        assertThat(e.get("fees_minor")).isEqualTo(315L + 172L + 15L);
        assertThat(e.get("payout_minor")).isEqualTo(15_055L - 2_000 - 502);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settled_transaction WHERE transaction_id = ?", Long.class, late)).isZero();
        // USD: 300 bp + 0.30 on 100.00 = 3.30; on 1.00 = 0.33 → minimum 0.50
        assertThat(settlement(usd, day).get("fees_minor")).isEqualTo(330L + 50L);
        assertThat(settlement(jpy, day).get("fees_minor")).isEqualTo(54L);
        assertThat(settlement(kwd, day).get("fees_minor")).isEqualTo(409L);
        assertThat(available(eur, "EUR")).isEqualTo((Long) e.get("net_minor"));
        String statement = (String) e.get("statement_csv");
        assertThat(statement).contains("CAPTURE", "REFUND", "FEE", "PAYOUT,,,,,125.53,EUR");
        assertThat(services.workDirectory.resolve("statements/" + day + "/" + e.get("id") + ".csv")).exists();

        run(PayoutJob.NAME, day);
        List<Map<String, Object>> files = jdbc.queryForList("SELECT * FROM payout_file WHERE business_date = ? ORDER BY format", day);
        assertThat(files).extracting(f -> f.get("format")).containsExactly("CSV", "NACHA", "PAIN001");
        assertThat(files).allSatisfy(f -> assertThat(f.get("status")).isEqualTo("PENDING_APPROVAL"));
        assertThat(services.sftp.root().resolve("bank/outbox")).doesNotExist();
        assertThat(available(eur, "EUR")).isZero();

        String nachaFile = (String) files.get(1).get("id");
        assertThatThrownBy(() -> admin.approve(nachaFile, "payout-job", "self"))
                .isInstanceOfSatisfying(PayoutException.class, x -> assertThat(x.code()).isEqualTo(PayoutException.Code.SAME_PERSON));
        assertThatThrownBy(() -> jdbc.update("INSERT INTO payout_file_approval (file_id, action, actor, at) VALUES (?, 'APPROVED', 'payout-job', now())",
                nachaFile)).hasMessageContaining("cannot be approved by its creator");
        approveAndUpload(day);

        files = jdbc.queryForList("SELECT * FROM payout_file WHERE business_date = ? ORDER BY format", day);
        assertThat(files).allSatisfy(f -> assertThat(f.get("status")).isEqualTo("UPLOADED"));
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM payout WHERE business_date = ?", String.class, day))
                .containsExactly("SENT");
        byte[] nacha = remote((String) files.get(1).get("file_name"));
        NachaValidation validation = NachaValidator.validate(new ByteArrayInputStream(nacha), "payouts.ach");
        assertThat(validation.violations()).isEmpty();
        assertThat(validation.totals().creditTotalMinor()).isEqualTo((Long) settlement(usd, day).get("payout_minor"));
        byte[] pain = remote((String) files.get(2).get("file_name"));
        assertThat(IsoFixtures.xsdErrors(pain, "pain.001.001.03.xsd")).isEmpty();
        assertThat(new String(pain, java.nio.charset.StandardCharsets.UTF_8)).contains("Ccy=\"KWD\"", "Ccy=\"EUR\"");
        assertThat(new String(remote((String) files.get(0).get("file_name")), java.nio.charset.StandardCharsets.UTF_8))
                .contains((String) jdbc.queryForObject("SELECT id FROM payout WHERE merchant_id = ?", String.class, jpy));
        assertThat(jdbc.queryForList("SELECT action FROM payout_file_approval WHERE file_id = ? ORDER BY id", String.class, nachaFile))
                .containsExactly("CREATED", "APPROVED", "UPLOADED");

        // rerun the whole day: no new settlement, payout or file; the uploaded files are byte-identical
        long payouts = jdbc.queryForObject("SELECT count(*) FROM payout", Long.class);
        long settlements = jdbc.queryForObject("SELECT count(*) FROM settlement", Long.class);
        run(SettlementJob.NAME, day, "2");
        run(PayoutJob.NAME, day, "2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payout", Long.class)).isEqualTo(payouts);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settlement", Long.class)).isEqualTo(settlements);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payout_file WHERE business_date = ?", Long.class, day)).isEqualTo(3);
        assertThat(remote((String) files.get(1).get("file_name"))).isEqualTo(nacha);
        assertThat(remote((String) files.get(2).get("file_name"))).isEqualTo(pain);
        // and regenerating a file from its payouts gives the same bytes
        List<PayoutRow> rows = jdbc.query("SELECT * FROM payout WHERE file_id = ? ORDER BY id", PayoutService::row, files.get(2).get("id"));
        PayoutProperties.Bank bank = new PayoutProperties.Bank("default", "h", 22, "u", null, "p", "k", null, null, null, null,
                null, null, null, null, null, null, null, null, null, "DE89370400440532013000", "COBADEFFXXX");
        assertThat(PayoutFiles.write("PAIN001", bank, (String) files.get(2).get("id"), 1, "x.xml", day, rows).content()).isEqualTo(pain);
    }

    @Test
    void a_negative_balance_is_carried_over_three_days_and_a_reserve_is_released_on_day_n() throws Exception {
        LocalDate d1 = LocalDate.of(2026, 4, 1);
        String owes = fx.merchant("Refunds first");
        fx.configurePain001(owes, SettlementFixtures.terms("EUR", 0, 0, 0, 0, 0, 100), "repay");
        String reserved = fx.merchant("Reserved");
        fx.configurePain001(reserved, SettlementFixtures.terms("EUR", 0, 0, 0, 1000, 3, 0), "repay");
        fx.reconciled(owes, "EUR", -485, d1); // + 15 refund fee = -500
        fx.reconciled(reserved, "EUR", 10_000, d1);
        settleAndPay(d1);
        fx.reconciled(owes, "EUR", 300, d1.plusDays(1));
        settleAndPay(d1.plusDays(1));
        fx.reconciled(owes, "EUR", 400, d1.plusDays(2));
        settleAndPay(d1.plusDays(2));
        settleAndPay(d1.plusDays(3));

        List<Map<String, Object>> carried = jdbc.queryForList(
                "SELECT carried_in_minor, payout_minor, carried_out_minor FROM settlement WHERE merchant_id = ? ORDER BY business_date", owes);
        assertThat(carried).extracting(m -> m.get("payout_minor")).containsExactly(0L, 0L, 200L);
        assertThat(carried).extracting(m -> m.get("carried_out_minor")).containsExactly(-500L, -200L, 0L);
        assertThat(carried).extracting(m -> m.get("carried_in_minor")).containsExactly(0L, -500L, -200L);
        assertThat(jdbc.queryForList("SELECT line_type FROM settlement_statement_line WHERE settlement_id = ? ORDER BY line_no", String.class,
                settlement(owes, d1.plusDays(2)).get("id"))).containsExactly("BALANCE_BROUGHT_FORWARD", "CAPTURE");

        List<Map<String, Object>> res = jdbc.queryForList(
                "SELECT business_date, reserve_held_minor, reserve_released_minor, payout_minor FROM settlement WHERE merchant_id = ? ORDER BY business_date",
                reserved);
        assertThat(res).extracting(m -> m.get("reserve_held_minor")).containsExactly(1000L, 0L);
        assertThat(res).extracting(m -> m.get("reserve_released_minor")).containsExactly(0L, 1000L);
        assertThat(res).extracting(m -> m.get("payout_minor")).containsExactly(9000L, 1000L);
        assertThat(res.get(1).get("business_date").toString()).isEqualTo(d1.plusDays(3).toString());
        assertThat(ledger.balance(AccountRef.merchant(reserved, AccountKind.MERCHANT_RESERVE, CurrencyUnit.EUR)).isZero()).isTrue();
        approveAndUpload(d1.plusDays(3));
    }

    @Test
    void a_nacha_return_and_a_pain002_rejection_put_the_money_back_and_it_is_paid_in_the_next_cycle() throws Exception {
        LocalDate day = LocalDate.of(2026, 5, 4);
        String usd = fx.merchant("Returned US");
        fx.configureNacha(usd, SettlementFixtures.terms("USD", 0, 0, 0, 0, 0, 0));
        String eur = fx.merchant("Rejected EU");
        fx.configurePain001(eur, SettlementFixtures.terms("EUR", 0, 0, 0, 0, 0, 0), "repay");
        String held = fx.merchant("Held EU");
        fx.configurePain001(held, SettlementFixtures.terms("EUR", 0, 0, 0, 0, 0, 0), "hold");
        fx.reconciled(usd, "USD", 12_345, day);
        fx.reconciled(eur, "EUR", 6_000, day);
        fx.reconciled(held, "EUR", 7_000, day);
        settleAndPay(day);
        approveAndUpload(day);

        Map<String, Object> usdPayout = jdbc.queryForMap("SELECT * FROM payout WHERE merchant_id = ?", usd);
        String eurE2e = jdbc.queryForObject("SELECT end_to_end_id FROM payout WHERE merchant_id = ?", String.class, eur);
        String heldE2e = jdbc.queryForObject("SELECT end_to_end_id FROM payout WHERE merchant_id = ?", String.class, held);
        Path returns = Files.createDirectories(services.sftp.root().resolve("bank/returns"));
        Files.writeString(returns.resolve("returns_20260505.ach"), nachaReturn((String) usdPayout.get("trace_number"), 12_345, "R03")
                + nachaReturn("091000010000999", 500, "R01"));
        Files.write(returns.resolve("pain002_20260505.xml"), pain002(eurE2e, heldE2e));

        LocalDate next = day.plusDays(1);
        run(PayoutJob.NAME, next);
        assertThat(jdbc.queryForList("SELECT status FROM payout WHERE merchant_id IN (?, ?, ?) ORDER BY merchant_id", String.class,
                usd, eur, held)).containsOnly("RETURNED");
        assertThat(jdbc.queryForObject("SELECT reason_code FROM payout_return WHERE payout_id = ?", String.class, usdPayout.get("id")))
                .isEqualTo("R03");
        assertThat(available(usd, "USD")).isEqualTo(12_345);
        assertThat(available(held, "EUR")).isZero(); // held: on the reserve until finance releases it
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recon_exception WHERE type = 'PAYOUT_RETURN_UNMATCHED'", Long.class)).isOne();
        run(PayoutJob.NAME, next, "again"); // the same files again change nothing
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payout_return", Long.class)).isEqualTo(3);

        run(SettlementJob.NAME, next);
        Map<String, Object> repaid = settlement(usd, next);
        assertThat(repaid.get("returned_payouts_minor")).isEqualTo(12_345L);
        assertThat(repaid.get("payout_minor")).isEqualTo(12_345L);
        assertThat(jdbc.queryForList("SELECT line_type FROM settlement_statement_line WHERE settlement_id = ?", String.class, repaid.get("id")))
                .containsExactly("RETURNED_PAYOUT");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settlement WHERE merchant_id = ? AND business_date = ?", Long.class,
                held, next)).isZero();
        run(PayoutJob.NAME, next, "pay");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payout WHERE merchant_id = ?", Long.class, usd)).isEqualTo(2);

        admin.releaseReturn(jdbc.queryForObject("SELECT id FROM payout WHERE merchant_id = ?", String.class, held), "bob");
        assertThat(available(held, "EUR")).isEqualTo(7_000);
        assertInvariants();
    }

    @Test
    void a_failed_payout_is_reissued_only_by_an_explicit_command() throws Exception {
        LocalDate day = LocalDate.of(2026, 6, 1);
        String m = fx.merchant("Failing");
        fx.configureCsv(m, SettlementFixtures.terms("JPY", 0, 0, 0, 0, 0, 0));
        fx.reconciled(m, "JPY", 5_000, day);
        settleAndPay(day);
        String payout = jdbc.queryForObject("SELECT id FROM payout WHERE merchant_id = ?", String.class, m);
        assertThatThrownBy(() -> admin.reissue(payout, "carol", "x")).isInstanceOf(PayoutException.class);
        approveAndUpload(day);
        admin.fail(payout, "carol", "bank lost the file");
        assertThat(available(m, "JPY")).isEqualTo(5_000);
        String again = admin.reissue(payout, "carol", "bank lost the file");
        assertThatThrownBy(() -> admin.reissue(payout, "carol", "twice")).isInstanceOf(PayoutException.class);
        assertThat(available(m, "JPY")).isZero();
        run(PayoutJob.NAME, day, "reissue");
        approveAndUpload(day);
        assertThat(jdbc.queryForObject("SELECT status FROM payout WHERE id = ?", String.class, again)).isEqualTo("SENT");
        assertThat(ledger.unbalancedCurrencies()).isEmpty();
    }

    static String nachaReturn(String originalTrace, long amountMinor, String code) {
        String entry = "6" + "21" + "02100002" + "1" + pad("123456789", 17) + String.format("%010d", amountMinor)
                + pad("RET", 15) + pad("ACME STORES INC", 22) + "  " + "1" + "091000010000001";
        String addenda = "7" + "99" + code + originalTrace + "      " + "02100002" + pad("", 44) + "091000010000001";
        return entry + "\n" + addenda + "\n";
    }

    static String pad(String s, int n) {
        return String.format("%-" + n + "s", s);
    }

    static byte[] pain002(String... rejectedEndToEndIds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Pain002Writer w = new Pain002Writer(out, Pain002Message.values()[0], "STS1", "2026-05-05T08:00:00", "PF20260504-001",
                "pain.001.001.03", null, List.of())) {
            w.startPaymentInfo("PF20260504-001-EUR", null, List.of());
            int n = 0;
            for (String e2e : rejectedEndToEndIds) {
                w.writeTransaction(new Pain002TransactionStatus(1, "S" + (++n), null, e2e, "RJCT",
                        List.of(Pain002StatusReason.of("AC04", "account closed")), null, dev.settle.formats.camt.XmlLocation.NONE));
            }
            w.endPaymentInfo();
        }
        return out.toByteArray();
    }
}
