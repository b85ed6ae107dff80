package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GET /v1/settlements, /v1/settlements/{id}/lines and /v1/payouts over rows the jobs write. */
class SettlementsApiTest extends GatewayTestSupport {

    String settlementOf(String merchantId) {
        String id = "stl_20260302_EUR_" + merchantId.substring(4);
        jdbc.update("""
                INSERT INTO settlement (id, merchant_id, currency, business_date, transaction_count, gross_captures_minor,
                    refunds_minor, disputes_minor, fees_minor, reserve_held_minor, reserve_released_minor, returned_payouts_minor,
                    carried_in_minor, net_minor, payout_minor, carried_out_minor, status, posting_reference, statement_csv,
                    statement_sha256, created_at)
                VALUES (?, ?, 'EUR', DATE '2026-03-02', 1, 10000, 0, 0, 315, 0, 0, 0, 0, 9685, 9685, 0, 'PAYABLE', '',
                        'csv', repeat('0', 64), now())""", id, merchantId);
        jdbc.update("INSERT INTO settlement_line (settlement_id, line_no, line_type, reference, amount_minor) VALUES (?, 1, 'CAPTURE', 'txn_x', 10000)", id);
        jdbc.update("INSERT INTO settlement_line (settlement_id, line_no, line_type, reference, gross_minor, amount_minor) VALUES (?, 2, 'FEE', 'txn_x', 10000, -315)", id);
        jdbc.update("""
                INSERT INTO payout (id, settlement_id, merchant_id, currency, amount_minor, business_date, method, bank,
                    beneficiary_name, account, end_to_end_id, status, posting_reference, created_by, created_at, status_changed_at)
                VALUES (?, ?, ?, 'EUR', 9685, DATE '2026-03-02', 'PAIN001', 'default', 'Shop', 'FR1420041010050500013M02606',
                        ?, 'SENT', ?, 'job', now(), now())""", "po_" + merchantId.substring(16), id, merchantId,
                "E2E" + merchantId.substring(16), "payout:" + merchantId);
        return id;
    }

    @Test
    void a_merchant_sees_its_settlements_lines_and_payouts_and_another_merchant_gets_404() {
        String keyA = newMerchantKey();
        String merchantA = merchants.authenticate(keyA).orElseThrow();
        String keyB = newMerchantKey();
        String id = settlementOf(merchantA);

        ApiClient.Response list = api.get("/v1/settlements", keyA);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("data").get(0).path("id").asString()).isEqualTo(id);
        assertThat(list.json().path("data").get(0).path("payout").asLong()).isEqualTo(9685);

        ApiClient.Response lines = api.get("/v1/settlements/" + id + "/lines", keyA);
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.json().path("data").size()).isEqualTo(2);
        assertThat(lines.json().path("data").get(0).path("amount").asLong()
                + lines.json().path("data").get(1).path("amount").asLong()).isEqualTo(lines.json().path("total").asLong());

        ApiClient.Response payouts = api.get("/v1/payouts", keyA);
        assertThat(payouts.json().path("data").get(0).path("amount").asLong()).isEqualTo(9685);
        assertThat(payouts.json().path("data").get(0).path("status").asString()).isEqualTo("sent");

        assertThat(api.get("/v1/settlements/" + id + "/lines", keyB).status()).isEqualTo(404);
        assertThat(api.get("/v1/settlements/" + id + "/lines", keyB).errorCode()).isEqualTo("resource_missing");
        assertThat(api.get("/v1/settlements/" + id, keyB).status()).isEqualTo(404);
        assertThat(api.get("/v1/settlements", keyB).json().path("data").size()).isZero();
        assertThat(api.get("/v1/payouts", keyB).json().path("data").size()).isZero();
        assertThat(api.get("/v1/settlements?limit=0", keyA).errorCode()).isEqualTo("parameter_invalid");
        assertThat(api.get("/v1/settlements", null).status()).isEqualTo(401);
    }
}
