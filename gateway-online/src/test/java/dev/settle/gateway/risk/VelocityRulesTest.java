package dev.settle.gateway.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.gateway.GatewayProperties;
import dev.settle.localservices.LocalRedis;
import dev.settle.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Velocity rules and the rate limit against the real Redis, isolated by a random key prefix. */
class VelocityRulesTest {

    static RedissonClient redisson;
    static RedisCounters counters;

    @BeforeAll
    static void connect() {
        Config config = new Config();
        config.useSingleServer().setAddress(LocalRedis.server().uri());
        redisson = Redisson.create(config);
        counters = new RedisCounters(redisson, "test-" + UUID.randomUUID() + ":");
    }

    @AfterAll
    static void close() {
        redisson.shutdown();
    }

    private static VelocityRules rules(int attemptsMax, long dailyMaxMinor, Clock clock) {
        GatewayProperties properties = new GatewayProperties();
        properties.getRisk().setAttemptsPerCardMax(attemptsMax);
        properties.getRisk().setAttemptsWindow(Duration.ofMinutes(10));
        properties.getRisk().setAmountPerMerchantPerDayMaxMinor(dailyMaxMinor);
        return new VelocityRules(counters, properties, clock);
    }

    @Test
    void given_a_card_at_its_attempt_limit_then_the_next_attempt_is_refused_until_the_window_moves_on() {
        Clock now = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        VelocityRules rules = rules(3, 0, now);
        String card = "fp_" + UUID.randomUUID();

        assertThat(rules.allowAttempt(card)).isTrue();
        assertThat(rules.allowAttempt(card)).isTrue();
        assertThat(rules.allowAttempt(card)).isTrue();
        assertThat(rules.allowAttempt(card)).isFalse();
        assertThat(rules.allowAttempt("fp_other" + UUID.randomUUID())).isTrue();

        VelocityRules later = rules(3, 0, Clock.offset(now, Duration.ofMinutes(10)));
        assertThat(later.allowAttempt(card)).isTrue();
    }

    @Test
    void given_a_daily_amount_limit_then_a_payment_that_would_pass_it_is_refused_and_a_release_frees_room() {
        VelocityRules rules = rules(0, 10_000, Clock.systemUTC());
        String merchant = "mer_" + UUID.randomUUID();

        assertThat(rules.reserveAmount(merchant, Money.ofMinor(6_000, "EUR"))).isTrue();
        assertThat(rules.reserveAmount(merchant, Money.ofMinor(5_000, "EUR"))).isFalse();
        assertThat(rules.reserveAmount(merchant, Money.ofMinor(4_000, "EUR"))).isTrue();
        assertThat(rules.reserveAmount(merchant, Money.ofMinor(9_000, "USD"))).isTrue(); // per currency
        rules.releaseAmount(merchant, Money.ofMinor(4_000, "EUR"));
        assertThat(rules.reserveAmount(merchant, Money.ofMinor(4_000, "EUR"))).isTrue();
    }

    @Test
    void given_a_rate_limit_then_requests_past_it_in_the_same_second_are_refused() {
        Clock now = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        RateLimiter limiter = new RateLimiter(counters, () -> 2, now);
        String merchant = "mer_" + UUID.randomUUID();

        assertThat(limiter.tryAcquire(merchant)).isTrue();
        assertThat(limiter.tryAcquire(merchant)).isTrue();
        assertThat(limiter.tryAcquire(merchant)).isFalse();
        assertThat(new RateLimiter(counters, () -> 2, Clock.offset(now, Duration.ofSeconds(1))).tryAcquire(merchant)).isTrue();
    }
}
