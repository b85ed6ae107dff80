package dev.settle.jobs.settlement;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.RoundingRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and writes {@code merchant_settlement_config}; every write is audited. Thread-safe. */
public final class MerchantSettlementConfigs {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MerchantSettlementConfigs(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    public Optional<MerchantSettlementConfig> find(String merchantId, CurrencyUnit currency) {
        return jdbc.query("SELECT * FROM merchant_settlement_config WHERE merchant_id = ? AND currency = ?",
                MerchantSettlementConfigs::map, merchantId, currency.code()).stream().findFirst();
    }

    /** Same, locking the row until the caller's transaction ends (one settlement at a time per pair). */
    public Optional<MerchantSettlementConfig> lock(String merchantId, CurrencyUnit currency) {
        return jdbc.query("SELECT * FROM merchant_settlement_config WHERE merchant_id = ? AND currency = ? FOR UPDATE",
                MerchantSettlementConfigs::map, merchantId, currency.code()).stream().findFirst();
    }

    public List<MerchantSettlementConfig> all() {
        return jdbc.query("SELECT * FROM merchant_settlement_config ORDER BY merchant_id, currency", MerchantSettlementConfigs::map);
    }

    /** Creates or replaces the configuration of one merchant and currency, with an audit row. */
    public void save(MerchantSettlementConfig c, String actor) {
        SettlementTerms t = c.terms();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO merchant_settlement_config (merchant_id, currency, capture_fee_bp, capture_fee_fixed_minor,
                    refund_fee_minor, chargeback_fee_minor, minimum_fee_minor, rounding_rule, reserve_bp, reserve_days,
                    payout_minimum_minor, payout_method, payout_bank, beneficiary_name, iban, bic, routing_number,
                    account_number, account_type, on_return, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (merchant_id, currency) DO UPDATE SET capture_fee_bp = EXCLUDED.capture_fee_bp,
                    capture_fee_fixed_minor = EXCLUDED.capture_fee_fixed_minor, refund_fee_minor = EXCLUDED.refund_fee_minor,
                    chargeback_fee_minor = EXCLUDED.chargeback_fee_minor, minimum_fee_minor = EXCLUDED.minimum_fee_minor,
                    rounding_rule = EXCLUDED.rounding_rule, reserve_bp = EXCLUDED.reserve_bp, reserve_days = EXCLUDED.reserve_days,
                    payout_minimum_minor = EXCLUDED.payout_minimum_minor, payout_method = EXCLUDED.payout_method,
                    payout_bank = EXCLUDED.payout_bank, beneficiary_name = EXCLUDED.beneficiary_name, iban = EXCLUDED.iban,
                    bic = EXCLUDED.bic, routing_number = EXCLUDED.routing_number, account_number = EXCLUDED.account_number,
                    account_type = EXCLUDED.account_type, on_return = EXCLUDED.on_return, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at""",
                c.merchantId(), t.currency().code(), t.captureFeeBp(), t.captureFeeFixed().amountMinor(),
                t.refundFee().amountMinor(), t.chargebackFee().amountMinor(), t.minimumFee().amountMinor(),
                t.feeRounding().name(), t.reserveBp(), t.reserveDays(), t.payoutMinimum().amountMinor(), c.payoutMethod(),
                c.payoutBank(), c.beneficiaryName(), c.iban(), c.bic().isEmpty() ? null : c.bic(), c.routingNumber(),
                c.accountNumber(), c.accountType(), c.onReturn(), actor, now);
        jdbc.update("INSERT INTO merchant_settlement_config_audit (merchant_id, currency, terms, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)",
                c.merchantId(), t.currency().code(), c.toString(), actor, now);
    }

    static MerchantSettlementConfig map(ResultSet rs, int row) throws SQLException {
        CurrencyUnit ccy = CurrencyUnit.of(rs.getString("currency"));
        SettlementTerms terms = new SettlementTerms(ccy, rs.getLong("capture_fee_bp"),
                Money.ofMinor(rs.getLong("capture_fee_fixed_minor"), ccy), Money.ofMinor(rs.getLong("refund_fee_minor"), ccy),
                Money.ofMinor(rs.getLong("chargeback_fee_minor"), ccy), Money.ofMinor(rs.getLong("minimum_fee_minor"), ccy),
                RoundingRule.valueOf(rs.getString("rounding_rule")), rs.getLong("reserve_bp"), rs.getInt("reserve_days"),
                Money.ofMinor(rs.getLong("payout_minimum_minor"), ccy));
        return new MerchantSettlementConfig(rs.getString("merchant_id"), terms, rs.getString("payout_method"),
                rs.getString("payout_bank"), rs.getString("beneficiary_name"), rs.getString("iban"), rs.getString("bic"),
                rs.getString("routing_number"), rs.getString("account_number"), rs.getString("account_type"),
                rs.getString("on_return"));
    }
}
