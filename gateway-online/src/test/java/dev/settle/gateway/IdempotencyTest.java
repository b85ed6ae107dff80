package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.gateway.idempotency.IdempotencyStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Idempotency-Key: replay, reuse with another request, concurrency, scoping, expiry. */
@Order(3)
class IdempotencyTest extends GatewayTestSupport {

    @Autowired
    IdempotencyStore store;

    @Test
    void given_a_completed_request_when_retried_with_the_same_key_and_body_then_the_response_is_replayed_exactly() {
        String key = newMerchantKey();
        String idem = UUID.randomUUID().toString();
        String body = paymentBody(1500, "EUR", "4242424242424242", "order-replay");

        ApiClient.Response first = api.post("/v1/payments", key, idem, body);
        ApiClient.Response retry = api.post("/v1/payments", key, idem, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.replayed()).isEqualTo("false");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isEqualTo("true");
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(api.get("/v1/payments?reference=order-replay", key).json().path("data").size()).isEqualTo(1);
    }

    @Test
    void given_a_declined_request_when_retried_then_the_decline_is_replayed_and_the_card_not_tried_again() {
        String key = newMerchantKey();
        String idem = UUID.randomUUID().toString();
        String body = paymentBody(1500, "EUR", "4000000000000002", "order-declined");

        ApiClient.Response first = api.post("/v1/payments", key, idem, body);
        ApiClient.Response retry = api.post("/v1/payments", key, idem, body);

        assertThat(first.status()).isEqualTo(402);
        assertThat(retry.status()).isEqualTo(402);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(api.get("/v1/payments?reference=order-declined", key).json().path("data").size()).isEqualTo(1);
    }

    @Test
    void given_a_used_key_when_sent_with_another_body_or_path_then_422_idempotency_key_reused() {
        String key = newMerchantKey();
        String idem = UUID.randomUUID().toString();
        api.post("/v1/payments", key, idem, paymentBody(1500, "EUR", "4242424242424242", "a"));

        ApiClient.Response otherBody = api.post("/v1/payments", key, idem, paymentBody(1501, "EUR", "4242424242424242", "a"));
        ApiClient.Response otherPath = api.post("/v1/payments/pay_x/void", key, idem, null);

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(otherBody.json().path("error").path("type").asString()).isEqualTo("idempotency_error");
        assertThat(otherPath.errorCode()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void given_a_request_that_failed_validation_when_fixed_and_retried_with_the_same_key_then_it_runs() {
        String key = newMerchantKey();
        String idem = UUID.randomUUID().toString();
        assertThat(api.post("/v1/payments", key, idem, "{\"amount\": -5}").status()).isEqualTo(400);

        ApiClient.Response fixed = api.post("/v1/payments", key, idem, paymentBody(1500, "EUR", "4242424242424242", "fixed"));

        assertThat(fixed.status()).isEqualTo(201);
    }

    @Test
    void given_invalid_card_data_when_corrected_and_retried_with_the_same_key_then_it_runs() {
        String key = newMerchantKey();
        String idem = UUID.randomUUID().toString();
        assertThat(api.post("/v1/payments", key, idem, paymentBody(1500, "EUR", "4242424242424241", "typo")).errorCode())
                .isEqualTo("invalid_number");

        ApiClient.Response fixed = api.post("/v1/payments", key, idem, paymentBody(1500, "EUR", "4242424242424242", "typo"));

        assertThat(fixed.status()).isEqualTo(201);
        assertThat(fixed.replayed()).isEqualTo("false");
    }

    @Test
    void given_two_merchants_when_using_the_same_key_then_each_has_its_own_scope() {
        String keyA = newMerchantKey();
        String keyB = newMerchantKey();
        String idem = UUID.randomUUID().toString();

        ApiClient.Response a = api.post("/v1/payments", keyA, idem, paymentBody(100, "EUR", "4242424242424242", "shared"));
        ApiClient.Response b = api.post("/v1/payments", keyB, idem, paymentBody(100, "EUR", "4242424242424242", "shared"));

        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
        assertThat(b.replayed()).isEqualTo("false");
        assertThat(b.json().path("id").asString()).isNotEqualTo(a.json().path("id").asString());
    }

    @Test
    void given_50_concurrent_posts_with_one_key_when_they_race_then_exactly_one_payment_exists_and_the_rest_are_replays_or_409()
            throws Exception {
        String key = newMerchantKey();
        String idem = UUID.randomUUID().toString();
        String body = paymentBody(4200, "EUR", "4242424242424242", "order-race");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return api.post("/v1/payments", key, idem, body);
            }));
        }
        start.countDown();
        int created = 0;
        int replayed = 0;
        int inUse = 0;
        String paymentId = null;
        for (Future<ApiClient.Response> f : futures) {
            ApiClient.Response r = f.get();
            if (r.status() == 201 && "false".equals(r.replayed())) {
                created++;
                paymentId = r.json().path("id").asString();
            } else if (r.status() == 201 && "true".equals(r.replayed())) {
                replayed++;
            } else {
                assertThat(r.status()).as(r.raw()).isEqualTo(409);
                assertThat(r.errorCode()).isEqualTo("idempotency_key_in_use");
                inUse++;
            }
        }
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(created + replayed + inUse).isEqualTo(50);
        List<String> ids = jdbc.queryForList("SELECT id FROM payment WHERE reference = 'order-race'", String.class);
        assertThat(ids).containsExactly(paymentId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_transaction WHERE payment_id = ?", Integer.class, paymentId))
                .isEqualTo(1);
    }

    @Test
    void given_keys_older_than_the_retention_when_purging_then_they_are_deleted_and_the_key_can_be_used_again() {
        String key = newMerchantKey();
        String idem = "old-" + UUID.randomUUID();
        api.post("/v1/payments", key, idem, paymentBody(100, "EUR", "4242424242424242", "old"));
        jdbc.update("UPDATE idempotency_key SET created_at = ? WHERE idempotency_key = ?",
                Timestamp.from(Instant.now().minus(8, ChronoUnit.DAYS)), idem);

        int purged = store.purgeExpired();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", Integer.class, idem)).isZero();
        ApiClient.Response reused = api.post("/v1/payments", key, idem, paymentBody(200, "EUR", "4242424242424242", "old"));
        assertThat(reused.status()).isEqualTo(201);
        assertThat(reused.replayed()).isEqualTo("false");
    }

    @Test
    void given_a_request_whose_process_died_in_flight_when_retried_after_the_timeout_then_it_takes_over_without_a_second_charge() {
        String key = newMerchantKey();
        String idem = "crash-" + UUID.randomUUID();
        String body = paymentBody(3300, "EUR", "4242424242424242", "order-crash");
        String paymentId = api.post("/v1/payments", key, idem, body).json().path("id").asString();
        // what a crash after the payment committed but before the response was stored leaves behind
        jdbc.update("""
                UPDATE idempotency_key SET state = 'in_flight', response_status = NULL, response_body = NULL,
                       completed_at = NULL, created_at = ? WHERE idempotency_key = ?""",
                Timestamp.from(Instant.now().minus(3, ChronoUnit.MINUTES)), idem);

        ApiClient.Response otherRequest = api.post("/v1/payments", key, idem, paymentBody(1, "EUR", "4242424242424242", "x"));
        ApiClient.Response retry = api.post("/v1/payments", key, idem, body);

        assertThat(otherRequest.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asString()).isEqualTo(paymentId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE reference = 'order-crash'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_transaction WHERE payment_id = ?", Integer.class, paymentId))
                .isEqualTo(1);
    }

    @Test
    void given_a_refund_whose_process_died_in_flight_when_retried_after_the_timeout_then_it_is_not_refunded_twice() {
        String key = newMerchantKey();
        String paymentId = api.post("/v1/payments", key, paymentBody(1000, "EUR", "4242424242424242", "r")).json().path("id").asString();
        String idem = "crash-refund-" + UUID.randomUUID();
        String refundId = api.post("/v1/payments/" + paymentId + "/refunds", key, idem, "{\"amount\": 300}").json().path("id").asString();
        jdbc.update("""
                UPDATE idempotency_key SET state = 'in_flight', response_status = NULL, response_body = NULL,
                       completed_at = NULL, created_at = ? WHERE idempotency_key = ?""",
                Timestamp.from(Instant.now().minus(3, ChronoUnit.MINUTES)), idem);
        assertThat(api.post("/v1/payments/" + paymentId + "/refunds", key, idem, "{\"amount\": 300}").status()).isEqualTo(201);

        assertThat(api.get("/v1/payments/" + paymentId, key).json().path("amount_refunded").asLong()).isEqualTo(300);
        assertThat(jdbc.queryForList("SELECT id FROM refund WHERE payment_id = ?", String.class, paymentId)).containsExactly(refundId);
    }
}
