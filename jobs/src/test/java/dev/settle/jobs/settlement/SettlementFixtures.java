package dev.settle.jobs.settlement;

import dev.settle.ledger.AccountKind;
import dev.settle.ledger.AccountRef;
import dev.settle.ledger.Ledger;
import dev.settle.ledger.PostingLine;
import dev.settle.ledger.PostingRequest;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.RoundingRule;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts what the gateway and the reconciliation job would have produced: merchants, gateway
 * transactions with their ledger postings, and leg-1 MATCHED {@code recon_result} rows for them
 * (which view {@code recon_frozen_item} shows as frozen, i.e. reconciled).
 */
public final class SettlementFixtures {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final MerchantSettlementConfigs configs;

    public SettlementFixtures(JdbcTemplate jdbc, Ledger ledger, MerchantSettlementConfigs configs) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.configs = configs;
    }

    static String id(String prefix) {
        return prefix + String.format("%024d", SEQ.incrementAndGet());
    }

    public String merchant(String name) {
        String id = id("mer_");
        jdbc.update("INSERT INTO merchant (id, name, default_currency, created_at) VALUES (?, ?, 'EUR', now())", id, name);
        return id;
    }

    public static SettlementTerms terms(String ccy, long bp, long fixed, long minFee, long reserveBp, int reserveDays, long minimum) {
        CurrencyUnit c = CurrencyUnit.of(ccy);
        return new SettlementTerms(c, bp, Money.ofMinor(fixed, c), Money.ofMinor(15, c), Money.ofMinor(1500, c),
                Money.ofMinor(minFee, c), RoundingRule.HALF_EVEN, reserveBp, reserveDays, Money.ofMinor(minimum, c));
    }

    public void configurePain001(String merchant, SettlementTerms terms, String onReturn) {
        configs.save(new MerchantSettlementConfig(merchant, terms, "PAIN001", "default", "Merchant " + merchant.substring(20),
                "FR1420041010050500013M02606", "BNPAFRPPXXX", null, null, null, onReturn), "test");
    }

    public void configureNacha(String merchant, SettlementTerms terms) {
        configs.save(new MerchantSettlementConfig(merchant, terms, "NACHA", "default", "ACME STORES INC", null, null,
                "021000021", "123456789", "checking", "repay"), "test");
    }

    public void configureCsv(String merchant, SettlementTerms terms) {
        configs.save(new MerchantSettlementConfig(merchant, terms, "CSV", "default", "Csv merchant",
                "GB29NWBK60161331926819", "NWBKGB2L", null, null, null, "repay"), "test");
    }

    /** A reconciled capture (or refund when amount is negative) on the date, posted like the gateway does. */
    public String reconciled(String merchant, String ccy, long signedMinor, LocalDate date) {
        String payment = id("pay_");
        long abs = Math.abs(signedMinor);
        jdbc.update("""
                INSERT INTO payment (id, merchant_id, status, amount_minor, amount_captured_minor, currency, capture_requested,
                    reference, card_brand, card_bin, card_last4, card_exp_month, card_exp_year, card_fingerprint, psp_reference,
                    created_at, updated_at)
                VALUES (?, ?, 'captured', ?, ?, ?, true, 'order', 'visa', '424242', '4242', 12, 2030, 'fp', ?, now(), now())""",
                payment, merchant, abs, abs, ccy, "psp" + payment.substring(4));
        String txn = id("txn_");
        boolean capture = signedMinor > 0;
        jdbc.update("""
                INSERT INTO gateway_transaction (id, merchant_id, payment_id, kind, psp_reference, modification_reference,
                    amount_minor, currency, business_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                txn, merchant, payment, capture ? "capture" : "refund", "psp" + payment.substring(4), "mod" + txn.substring(4),
                abs, ccy, date, Timestamp.from(Instant.now()));
        Money amount = Money.ofMinor(abs, ccy);
        AccountRef receivable = AccountRef.system(AccountKind.GATEWAY_RECEIVABLE, amount.currency());
        AccountRef pending = AccountRef.merchant(merchant, AccountKind.MERCHANT_PENDING, amount.currency());
        ledger.post(new PostingRequest((capture ? "capture:" : "refund:") + txn, capture ? "capture" : "refund", date, "",
                capture ? List.of(PostingLine.debit(receivable, amount), PostingLine.credit(pending, amount))
                        : List.of(PostingLine.debit(pending, amount), PostingLine.credit(receivable, amount))));
        jdbc.update("""
                INSERT INTO recon_result (result_date, leg, outcome, item_key, other_key, merchant_id, reference, currency,
                                          expected_minor, actual_minor, difference_minor)
                VALUES (?, 1, 'MATCHED', ?, ?, ?, ?, ?, ?, ?, 0)""",
                date, "txn:" + txn, "gw:test:" + txn, merchant, "mod" + txn.substring(4), ccy, capture ? abs : -abs,
                capture ? abs : -abs);
        return txn;
    }

    /** A transaction finance matched by hand (a row per side in recon_matched_item), not by a rule. */
    public String manuallyMatched(String merchant, String ccy, long signedMinor, LocalDate date) {
        String txn = unreconciled(merchant, ccy, signedMinor, date);
        jdbc.update("""
                INSERT INTO recon_matched_item (item_key, matched_date, leg, other_key, how)
                VALUES (?, ?, 1, ?, 'manual'), (?, ?, 1, ?, 'manual')""",
                "txn:" + txn, date, "gw:test:" + txn, "gw:test:" + txn, date, "txn:" + txn);
        return txn;
    }

    /** A transaction the reconciliation has not matched: settlement must not touch it. */
    public String unreconciled(String merchant, String ccy, long minor, LocalDate date) {
        String txn = reconciled(merchant, ccy, minor, date);
        jdbc.update("DELETE FROM recon_result WHERE item_key = ?", "txn:" + txn);
        return txn;
    }
}
