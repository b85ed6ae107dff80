package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Velocity rules and the rate limit through the API. The shared context runs with generous limits;
 * these tests lower them on the live settings (read on every request) and restore them after.
 */
@Order(7)
class RiskAndRateLimitTest extends GatewayTestSupport {

    @Autowired
    GatewayProperties properties;

    private final int attemptsBefore = new GatewayProperties().getRisk().getAttemptsPerCardMax();
    private int savedAttempts;
    private long savedDaily;
    private int savedRate;

    @org.junit.jupiter.api.BeforeEach
    void save() {
        savedAttempts = properties.getRisk().getAttemptsPerCardMax();
        savedDaily = properties.getRisk().getAmountPerMerchantPerDayMaxMinor();
        savedRate = properties.getRateLimitPerSecond();
    }

    @AfterEach
    void restore() {
        properties.getRisk().setAttemptsPerCardMax(savedAttempts);
        properties.getRisk().setAmountPerMerchantPerDayMaxMinor(savedDaily);
        properties.setRateLimitPerSecond(savedRate);
    }

    @Test
    void given_a_card_over_its_attempt_limit_when_paying_again_then_402_risk_declined_without_asking_the_acquirer() {
        properties.getRisk().setAttemptsPerCardMax(2);
        String key = newMerchantKey();
        String pan = "6011000990139424"; // a card no other test uses
        assertThat(api.post("/v1/payments", key, paymentBody(100, "EUR", pan, "v1")).status()).isEqualTo(201);
        assertThat(api.post("/v1/payments", key, paymentBody(100, "EUR", pan, "v2")).status()).isEqualTo(201);

        ApiClient.Response third = api.post("/v1/payments", key, paymentBody(100, "EUR", pan, "v3"));

        assertThat(third.status()).isEqualTo(402);
        assertThat(third.errorCode()).isEqualTo("risk_declined");
        assertThat(third.json().path("error").path("payment").path("status").asString()).isEqualTo("declined");
        assertThat(third.json().path("error").path("payment").path("psp_reference").isNull()).isTrue();
        assertThat(attemptsBefore).isEqualTo(10); // the documented default
    }

    @Test
    void given_a_daily_amount_limit_when_a_payment_would_pass_it_then_risk_declined_and_a_decline_does_not_use_it_up() {
        properties.getRisk().setAmountPerMerchantPerDayMaxMinor(1_000);
        String key = newMerchantKey();
        assertThat(api.post("/v1/payments", key, paymentBody(600, "EUR", "4000000000000002", "d0")).status()).isEqualTo(402);
        assertThat(api.post("/v1/payments", key, paymentBody(600, "EUR", "4242424242424242", "d1")).status()).isEqualTo(201);

        ApiClient.Response over = api.post("/v1/payments", key, paymentBody(500, "EUR", "4242424242424242", "d2"));

        assertThat(over.errorCode()).isEqualTo("risk_declined");
        assertThat(api.post("/v1/payments", key, paymentBody(400, "EUR", "4242424242424242", "d3")).status()).isEqualTo(201);
    }

    @Test
    void given_a_merchant_over_its_request_budget_when_calling_then_429_with_retry_after() {
        properties.setRateLimitPerSecond(3);
        String key = newMerchantKey();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(api.get("/v1/payments", key).status());
        }
        ApiClient.Response limited = api.get("/v1/payments", key);
        properties.setRateLimitPerSecond(savedRate);

        assertThat(statuses).contains(429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(6); // ≤ 3 per second, spanning ≤ 2 seconds
        if (limited.status() == 429) {
            assertThat(limited.errorCode()).isEqualTo("rate_limited");
            assertThat(limited.json().path("error").path("type").asString()).isEqualTo("rate_limit_error");
        }
    }
}
