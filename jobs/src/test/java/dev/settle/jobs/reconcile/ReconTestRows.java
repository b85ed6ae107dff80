package dev.settle.jobs.reconcile;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/** Minimal input rows for reconciliation tests: an ingested file, a capture, a Settled line. */
final class ReconTestRows {

    static final String MERCHANT = "mer_000000000000000000000001";

    private final JdbcTemplate jdbc;
    private final AtomicInteger seq;

    ReconTestRows(JdbcTemplate jdbc, AtomicInteger seq) {
        this.jdbc = jdbc;
        this.seq = seq;
        jdbc.update("INSERT INTO merchant (id, name, default_currency, created_at) VALUES (?, 'M', 'EUR', now()) "
                + "ON CONFLICT DO NOTHING", MERCHANT);
    }

    long file(LocalDate day, String source) {
        return jdbc.queryForObject("""
                INSERT INTO ingested_file (source, source_kind, format, remote_name, size_bytes, sha256, business_date, received_at,
                                           status, status_changed_at)
                VALUES (?, ?, 'x', ?, 1, ?, ?, now(), 'INGESTED', now()) RETURNING id""", Long.class,
                source, source.equals("bank") ? "bank" : "gateway", source + day, String.format("%064d", seq.incrementAndGet()), day);
    }

    void capture(String ref, String currency, long amountMinor, LocalDate businessDate) {
        String id = String.format("%024d", seq.incrementAndGet());
        jdbc.update("""
                INSERT INTO payment (id, merchant_id, status, amount_minor, amount_captured_minor, currency, capture_requested,
                                     reference, card_brand, card_bin, card_last4, card_exp_month, card_exp_year, card_fingerprint,
                                     psp_reference, created_at, updated_at)
                VALUES (?, 'mer_000000000000000000000001', 'captured', ?, ?, ?, true, 'r', 'visa', '411111', '1111', 1, 2030, 'f',
                        ?, now(), now())""", "pay_" + id, amountMinor, amountMinor, currency, "PSP" + ref);
        jdbc.update("""
                INSERT INTO gateway_transaction (id, merchant_id, payment_id, kind, psp_reference, modification_reference,
                                                 amount_minor, currency, business_date, created_at)
                VALUES (?, 'mer_000000000000000000000001', ?, 'capture', ?, ?, ?, ?, ?, now())""",
                "txn_" + id, "pay_" + id, "PSP" + ref, ref, amountMinor, currency, businessDate);
    }

    void settled(long fileId, int lineNo, String ref, String currency, long grossMinor, long feesMinor) {
        jdbc.update("""
                INSERT INTO gateway_report_line (file_id, line_no, source, record_type, psp_reference, modification_reference,
                                                 currency, gross_minor, net_currency, net_minor, commission_minor)
                VALUES (?, ?, 'gw', 'Settled', ?, ?, ?, ?, ?, ?, ?)""",
                fileId, lineNo, "PSP" + ref, ref, currency, grossMinor, currency, grossMinor - feesMinor, feesMinor);
    }
}
