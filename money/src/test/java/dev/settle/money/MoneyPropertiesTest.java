package dev.settle.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties of the money arithmetic, each checked over thousands of generated cases. */
class MoneyPropertiesTest {

    @Provide
    Arbitrary<CurrencyUnit> currencies() {
        return Arbitraries.of(List.copyOf(CurrencyUnit.all()));
    }

    @Property(tries = 5000)
    void addition_is_exact_or_refused(@ForAll long a, @ForAll long b) {
        BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        Money x = Money.ofMinor(a, "EUR");
        Money y = Money.ofMinor(b, "EUR");
        if (exact.bitLength() < 64) {
            assertThat(x.plus(y).amountMinor()).isEqualTo(exact.longValueExact());
            assertThat(x.plus(y).minus(y)).isEqualTo(x);
        } else {
            assertThatThrownBy(() -> x.plus(y)).isInstanceOf(MoneyException.class);
        }
    }

    @Property(tries = 5000)
    void multiplication_is_exact_or_refused(@ForAll long a, @ForAll int factor) {
        BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(factor));
        Money x = Money.ofMinor(a, "JPY");
        if (exact.bitLength() < 64) {
            assertThat(x.times(factor).amountMinor()).isEqualTo(exact.longValueExact());
        } else {
            assertThatThrownBy(() -> x.times(factor)).isInstanceOf(MoneyException.class);
        }
    }

    @Property(tries = 5000)
    void decimal_string_round_trips_in_every_currency(
            @ForAll long minor, @ForAll("currencies") CurrencyUnit currency) {
        Money money = Money.ofMinor(minor, currency);
        assertThat(Money.parse(money.toDecimalString(), currency)).isEqualTo(money);
        assertThat(Money.parse(money.toString())).isEqualTo(money);
    }

    @Property(tries = 5000)
    void allocation_parts_sum_exactly_to_the_whole(
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000) Long> weights) {
        Assume.that(weights.stream().mapToLong(Long::longValue).sum() > 0);
        Money whole = Money.ofMinor(minor, "EUR");
        Money[] parts = whole.allocate(weights.stream().mapToLong(Long::longValue).toArray());
        long sum = Arrays.stream(parts).mapToLong(Money::amountMinor).reduce(0L, Math::addExact);
        assertThat(sum).isEqualTo(minor);
        for (int i = 0; i < parts.length; i++) {
            // each part is within one minor unit of its exact proportional share
            double exactShare = (double) minor * weights.get(i) / weights.stream().mapToLong(Long::longValue).sum();
            assertThat(Math.abs(parts[i].amountMinor() - exactShare)).isLessThan(1.0 + 1e-6 * Math.abs(exactShare));
            if (weights.get(i) == 0) {
                assertThat(parts[i].amountMinor()).isZero();
            }
        }
    }

    @Property(tries = 3000)
    void half_even_fee_is_within_half_a_unit_of_the_exact_fee(
            @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long minor,
            @ForAll @LongRange(min = 0, max = 10_000) long bp) {
        long fee = Money.ofMinor(minor, "EUR").basisPoints(bp, RoundingRule.HALF_EVEN).amountMinor();
        BigInteger twiceError = BigInteger.valueOf(fee).multiply(BigInteger.valueOf(20_000))
                .subtract(BigInteger.valueOf(minor).multiply(BigInteger.valueOf(bp)).multiply(BigInteger.TWO)).abs();
        assertThat(twiceError).isLessThanOrEqualTo(BigInteger.valueOf(10_000));
    }
}
