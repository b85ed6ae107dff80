package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.gateway.payment.Payments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Refunds racing on one payment never sum to more than was captured. */
@Order(5)
class ConcurrentRefundsTest extends GatewayTestSupport {

    @Autowired
    Payments payments;

    @Test
    void given_20_concurrent_partial_refunds_that_together_would_over_refund_then_the_sum_never_exceeds_the_captured_amount()
            throws Exception {
        String key = newMerchantKey();
        String id = api.post("/v1/payments", key, paymentBody(10_000, "EUR", "5555555555554444", "race-refund")).json().path("id").asString();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return api.post("/v1/payments/" + id + "/refunds", key, "{\"amount\": 700}"); // 20 × 700 = 14 000
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<ApiClient.Response> f : futures) {
            ApiClient.Response r = f.get();
            if (r.status() == 201) {
                succeeded++;
            } else {
                assertThat(r.status()).as(r.raw()).isIn(409, 422);
            }
        }
        pool.shutdown();

        long refundedMinor = jdbc.queryForObject("SELECT coalesce(sum(amount_minor), 0) FROM refund WHERE payment_id = ?", Long.class, id);
        assertThat(succeeded).isEqualTo(14); // 14 × 700 = 9 800; the 15th would pass 10 000
        assertThat(refundedMinor).isEqualTo(9_800).isLessThanOrEqualTo(10_000);
        assertThat(api.get("/v1/payments/" + id, key).json().path("amount_refunded").asLong()).isEqualTo(refundedMinor);
        assertThat(jdbc.queryForObject("SELECT coalesce(sum(amount_minor), 0) FROM gateway_transaction WHERE payment_id = ? AND kind = 'refund'",
                Long.class, id)).isEqualTo(refundedMinor);
    }
}
