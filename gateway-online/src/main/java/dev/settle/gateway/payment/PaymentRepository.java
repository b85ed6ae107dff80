package dev.settle.gateway.payment;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.card.Card;
import dev.settle.gateway.card.CardBrand;
import dev.settle.money.CurrencyUnit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for payments, refunds and gateway transactions. Every read takes the merchant id, so one
 * merchant can never load another's objects. Callers own the transactions.
 */
final class PaymentRepository {

    private static final String PAYMENT_COLUMNS = """
            id, merchant_id, status, amount_minor, amount_captured_minor, amount_refunded_minor, currency,
            capture_requested, reference, description, metadata::text AS metadata, card_brand, card_bin, card_last4,
            card_exp_month, card_exp_year, card_fingerprint, psp_reference, decline_code, created_at
            """;
    private static final TypeReference<LinkedHashMap<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<Payment> paymentMapper = this::mapPayment;

    PaymentRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param idempotencyKey the key that created it, or null
     * @return false when a payment with this idempotency key already exists (nothing inserted)
     */
    boolean insert(Payment p, String idempotencyKey, Instant now) {
        Card.StoredCard c = p.card();
        return jdbc.update("""
                INSERT INTO payment (id, merchant_id, status, amount_minor, currency, capture_requested, reference,
                    description, metadata, card_brand, card_bin, card_last4, card_exp_month, card_exp_year,
                    card_fingerprint, psp_reference, decline_code, idempotency_key, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (merchant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING""",
                p.id(), p.merchantId(), p.status().dbName(), p.amountMinor(), p.currency().code(), p.captureRequested(),
                p.reference(), p.description(), p.metadata().isEmpty() ? null : json.writeValueAsString(p.metadata()),
                c.brand().wireName(), c.bin(), c.last4(), c.expMonth(), c.expYear(), c.fingerprint(), p.pspReference(),
                p.declineCode() == null ? null : p.declineCode().wireName(), idempotencyKey, Timestamp.from(now),
                Timestamp.from(now)) == 1;
    }

    Optional<Payment> findByIdempotencyKey(String merchantId, String idempotencyKey) {
        return jdbc.query("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE merchant_id = ? AND idempotency_key = ?",
                paymentMapper, merchantId, idempotencyKey).stream().findFirst();
    }

    Optional<Payment> find(String merchantId, String paymentId) {
        return jdbc.query("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE id = ? AND merchant_id = ?",
                paymentMapper, paymentId, merchantId).stream().findFirst();
    }

    /** Loads and row-locks the payment until the caller's transaction ends. */
    Optional<Payment> lock(String merchantId, String paymentId) {
        return jdbc.query("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE id = ? AND merchant_id = ? FOR UPDATE",
                paymentMapper, paymentId, merchantId).stream().findFirst();
    }

    /** Sets the outcome of the authorisation, only if the payment is still undecided; false otherwise. */
    boolean decide(String paymentId, PaymentStatus status, String pspReference, ErrorCode declineCode, Instant now) {
        return jdbc.update("""
                UPDATE payment SET status = ?, psp_reference = coalesce(?, psp_reference), decline_code = ?, updated_at = ?
                 WHERE id = ? AND status IN ('pending', 'unknown')""",
                status.dbName(), pspReference, declineCode == null ? null : declineCode.wireName(), Timestamp.from(now),
                paymentId) == 1;
    }

    /**
     * Authorised and captured in one step, with its journal row, in one statement (one round trip),
     * only if the payment is still undecided; false (and nothing written) otherwise.
     */
    boolean decideCapturedAndJournal(Payment p, String pspReference, TransactionRow t) {
        Integer written = jdbc.queryForObject("""
                WITH decided AS (
                    UPDATE payment SET status = 'captured', psp_reference = ?, amount_captured_minor = ?, updated_at = ?
                     WHERE id = ? AND status IN ('pending', 'unknown')
                    RETURNING id),
                journal AS (
                    INSERT INTO gateway_transaction (id, merchant_id, payment_id, kind, refund_id, psp_reference,
                        modification_reference, amount_minor, currency, business_date, created_at)
                    SELECT ?, ?, decided.id, ?, ?, ?, ?, ?, ?, ?, ? FROM decided
                    RETURNING 1)
                SELECT count(*)::int FROM journal""", Integer.class,
                pspReference, t.amountMinor(), Timestamp.from(t.createdAt()), p.id(),
                t.id(), t.merchantId(), t.kind(), t.refundId(), t.pspReference(), t.modificationReference(), t.amountMinor(),
                t.currency().code(), t.businessDate(), Timestamp.from(t.createdAt()));
        return written != null && written == 1;
    }

    void markUnknown(String paymentId, Instant now) {
        jdbc.update("UPDATE payment SET status = 'unknown', updated_at = ? WHERE id = ? AND status = 'pending'",
                Timestamp.from(now), paymentId);
    }

    void updateAmounts(String paymentId, PaymentStatus status, long capturedMinor, long refundedMinor, Instant now) {
        jdbc.update("""
                UPDATE payment SET status = ?, amount_captured_minor = ?, amount_refunded_minor = ?, updated_at = ?
                 WHERE id = ?""", status.dbName(), capturedMinor, refundedMinor, Timestamp.from(now), paymentId);
    }

    PaymentPage list(String merchantId, PaymentFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE merchant_id = ?");
        List<Object> args = new ArrayList<>(List.of(merchantId));
        if (f.status() != null) {
            if (f.status() == PaymentStatus.UNKNOWN) {
                sql.append(" AND status IN ('unknown', 'pending')");
            } else {
                sql.append(" AND status = ?");
                args.add(f.status().dbName());
            }
        }
        if (f.createdFrom() != null) {
            sql.append(" AND created_at >= ?");
            args.add(Timestamp.from(f.createdFrom()));
        }
        if (f.createdTo() != null) {
            sql.append(" AND created_at <= ?");
            args.add(Timestamp.from(f.createdTo()));
        }
        if (f.reference() != null) {
            sql.append(" AND reference = ?");
            args.add(f.reference());
        }
        if (f.startingAfter() != null) {
            sql.append(" AND (created_at, id) < (SELECT created_at, id FROM payment WHERE id = ? AND merchant_id = ?)");
            args.add(f.startingAfter());
            args.add(merchantId);
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(f.limit() + 1);
        List<Payment> rows = jdbc.query(sql.toString(), paymentMapper, args.toArray());
        boolean hasMore = rows.size() > f.limit();
        return new PaymentPage(hasMore ? rows.subList(0, f.limit()) : rows, hasMore);
    }

    boolean exists(String merchantId, String paymentId) {
        return !jdbc.queryForList("SELECT 1 FROM payment WHERE id = ? AND merchant_id = ?", Integer.class,
                paymentId, merchantId).isEmpty();
    }

    /** Undecided payments older than {@code before}, oldest first. */
    List<Payment> undecided(Instant before, int limit) {
        return jdbc.query("SELECT " + PAYMENT_COLUMNS + """
                 FROM payment WHERE status IN ('pending', 'unknown') AND created_at < ? ORDER BY created_at LIMIT ?""",
                paymentMapper, Timestamp.from(before), limit);
    }

    int refundCount(String paymentId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM refund WHERE payment_id = ?", Integer.class, paymentId);
        return n == null ? 0 : n;
    }

    void insertRefund(Refund r, String modificationReference, String idempotencyKey) {
        jdbc.update("""
                INSERT INTO refund (id, payment_id, merchant_id, amount_minor, currency, reason, status, modification_reference,
                    idempotency_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id(), r.paymentId(), r.merchantId(), r.amountMinor(),
                r.currency().code(), r.reason(), r.status(), modificationReference, idempotencyKey,
                Timestamp.from(r.createdAt()));
    }

    Optional<Refund> findRefundByIdempotencyKey(String merchantId, String paymentId, String idempotencyKey) {
        return jdbc.query("SELECT id FROM refund WHERE merchant_id = ? AND payment_id = ? AND idempotency_key = ?",
                (rs, n) -> rs.getString(1), merchantId, paymentId, idempotencyKey).stream().findFirst()
                .flatMap(id -> findRefund(merchantId, id));
    }

    Optional<Refund> findRefund(String merchantId, String refundId) {
        return jdbc.query("""
                SELECT id, payment_id, merchant_id, amount_minor, currency, reason, status, created_at
                  FROM refund WHERE id = ? AND merchant_id = ?""", (rs, n) -> new Refund(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), CurrencyUnit.of(rs.getString(5)), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant()), refundId, merchantId).stream().findFirst();
    }

    /** One row of the journal the nightly reconciliation reads. */
    record TransactionRow(String id, String merchantId, String paymentId, String kind, String refundId,
            String pspReference, String modificationReference, long amountMinor, CurrencyUnit currency,
            LocalDate businessDate, Instant createdAt) {
    }

    void insertTransaction(TransactionRow t) {
        jdbc.update("""
                INSERT INTO gateway_transaction (id, merchant_id, payment_id, kind, refund_id, psp_reference,
                    modification_reference, amount_minor, currency, business_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", t.id(), t.merchantId(), t.paymentId(), t.kind(), t.refundId(),
                t.pspReference(), t.modificationReference(), t.amountMinor(), t.currency().code(), t.businessDate(),
                Timestamp.from(t.createdAt()));
    }

    private Payment mapPayment(ResultSet rs, int n) throws SQLException {
        String metadata = rs.getString("metadata");
        String declineCode = rs.getString("decline_code");
        Card.StoredCard card = new Card.StoredCard(CardBrand.valueOf(rs.getString("card_brand").toUpperCase(Locale.ROOT)),
                rs.getString("card_bin"), rs.getString("card_last4"), rs.getInt("card_exp_month"),
                rs.getInt("card_exp_year"), rs.getString("card_fingerprint"));
        return new Payment(rs.getString("id"), rs.getString("merchant_id"), PaymentStatus.ofDb(rs.getString("status")),
                rs.getLong("amount_minor"), rs.getLong("amount_captured_minor"), rs.getLong("amount_refunded_minor"),
                CurrencyUnit.of(rs.getString("currency")), rs.getBoolean("capture_requested"), rs.getString("reference"),
                rs.getString("description"), metadata == null ? Map.of() : json.readValue(metadata, METADATA), card,
                rs.getString("psp_reference"),
                declineCode == null ? null : ErrorCode.valueOf(declineCode.toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant());
    }
}
