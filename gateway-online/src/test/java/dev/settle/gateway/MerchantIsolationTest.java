package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.gateway.merchant.IssuedKey;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Authentication, key rotation, and that no endpoint shows or changes another merchant's objects. */
@Order(4)
class MerchantIsolationTest extends GatewayTestSupport {

    @Test
    void given_merchant_b_when_touching_merchant_a_objects_on_every_endpoint_then_404_and_nothing_changes() {
        String keyA = newMerchantKey();
        String keyB = newMerchantKey();
        String authorized = api.post("/v1/payments", keyA, authorizeOnlyBody(900, "4242424242424242")).json().path("id").asString();
        String captured = api.post("/v1/payments", keyA, paymentBody(900, "EUR", "4242424242424242", "iso")).json().path("id").asString();
        String refund = api.post("/v1/payments/" + captured + "/refunds", keyA, "{\"amount\": 100}").json().path("id").asString();

        List<Function<String, ApiClient.Response>> asB = List.of(
                k -> api.get("/v1/payments/" + captured, k),
                k -> api.get("/v1/refunds/" + refund, k),
                k -> api.post("/v1/payments/" + authorized + "/capture", k, null),
                k -> api.post("/v1/payments/" + authorized + "/void", k, null),
                k -> api.post("/v1/payments/" + captured + "/refunds", k, "{\"amount\": 1}"),
                k -> api.get("/v1/payments?starting_after=" + captured, k));
        for (Function<String, ApiClient.Response> call : asB) {
            ApiClient.Response r = call.apply(keyB);
            assertThat(r.status()).as(r.raw()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("resource_missing");
        }
        assertThat(api.get("/v1/payments", keyB).json().path("data").size()).isZero();
        assertThat(api.get("/v1/payments/" + authorized, keyA).json().path("status").asString()).isEqualTo("authorized");
        assertThat(api.get("/v1/payments/" + captured, keyA).json().path("amount_refunded").asLong()).isEqualTo(100);
    }

    @Test
    void given_no_or_a_wrong_key_when_calling_then_401() {
        ApiClient.Response none = api.get("/v1/payments", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("authentication_required");
        ApiClient.Response wrong = api.get("/v1/payments", "sk_" + "A".repeat(32));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("api_key_invalid");
        assertThat(api.post("/v1/payments", "garbage", "{}").status()).isEqualTo(401);
    }

    @Test
    void given_a_rotated_key_when_the_old_one_is_revoked_then_only_the_new_one_works() {
        IssuedKey first = merchants.create("Rotating merchant", "GBP");
        String merchantId = first.key().merchantId();
        IssuedKey second = merchants.rotateKey(merchantId);

        assertThat(api.get("/v1/payments", first.secret()).status()).isEqualTo(200);
        assertThat(api.get("/v1/payments", second.secret()).status()).isEqualTo(200);

        merchants.revokeKey(merchantId, first.key().id());

        assertThat(api.get("/v1/payments", first.secret()).status()).isEqualTo(401);
        assertThat(api.get("/v1/payments", second.secret()).status()).isEqualTo(200);
        assertThat(merchants.keys(merchantId)).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM merchant_api_key WHERE key_hash = ? OR key_prefix = ?",
                Integer.class, first.secret(), first.secret())).isZero();
    }
}
