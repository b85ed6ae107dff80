package dev.settle.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} -> {2} minor")
    @CsvSource({
            "10,      EUR, 1000",
            "10.5,    EUR, 1050",
            "10.50,   EUR, 1050",
            "-0.01,   EUR, -1",
            "1050,    JPY, 1050",
            "1.005,   KWD, 1005",
            "10.500,  EUR, 1050",
            "0.0001,  CLF, 1",
    })
    void parses_decimals_within_the_currency_scale(String decimal, String code, long expectedMinor) {
        assertThat(Money.parse(decimal, CurrencyUnit.of(code)).amountMinor()).isEqualTo(expectedMinor);
    }

    @ParameterizedTest(name = "{0} {1} is refused with {2}")
    @CsvSource({
            "10.001,  EUR, SCALE_EXCEEDS_CURRENCY",
            "1.5,     JPY, SCALE_EXCEEDS_CURRENCY",
            "1.0005,  KWD, SCALE_EXCEEDS_CURRENCY",
            "1e3,     EUR, MALFORMED_AMOUNT",
            "'1,00',  EUR, MALFORMED_AMOUNT",
            "'',      EUR, MALFORMED_AMOUNT",
            "92233720368547758.08, EUR, OVERFLOW",
    })
    void refuses_what_it_cannot_hold_exactly(String decimal, String code, MoneyException.Code expected) {
        assertThatThrownBy(() -> Money.parse(decimal, CurrencyUnit.of(code)))
                .isInstanceOfSatisfying(MoneyException.class, e -> assertThat(e.code()).isEqualTo(expected))
                .hasMessageContaining(decimal.isEmpty() ? "''" : decimal);
    }

    @ParameterizedTest(name = "{0} minor {1} formats as {2}")
    @CsvSource({
            "1050,  EUR, 10.50 EUR",
            "-1,    EUR, -0.01 EUR",
            "1050,  JPY, 1050 JPY",
            "-5,    KWD, -0.005 KWD",
            "0,     BHD, 0.000 BHD",
            "-1050, EUR, -10.50 EUR",
            "100,   KWD, 0.100 KWD",
            "-7,    JPY, -7 JPY",
            "9223372036854775807, EUR, 92233720368547758.07 EUR",
            "-9223372036854775808, EUR, -92233720368547758.08 EUR",
    })
    void formats_with_exactly_the_currency_exponent(long minor, String code, String expected) {
        Money money = Money.ofMinor(minor, code);
        assertThat(money.toString()).isEqualTo(expected);
        assertThat(money.toDecimalString()).isEqualTo(money.toMajor().toPlainString());
        assertThat(Money.parse(expected)).isEqualTo(money);
    }

    @Test
    void knows_the_exponents_of_zero_two_three_and_four_decimal_currencies() {
        assertThat(CurrencyUnit.of("JPY").exponent()).isZero();
        assertThat(CurrencyUnit.of("EUR").exponent()).isEqualTo(2);
        assertThat(CurrencyUnit.of("KWD").exponent()).isEqualTo(3);
        assertThat(CurrencyUnit.of("CLF").exponent()).isEqualTo(4);
        assertThat(CurrencyUnit.all()).hasSizeGreaterThan(150);
    }

    @ParameterizedTest
    @CsvSource({"eur", "XAU", "HRK", "ABC", "''"})
    void rejects_codes_that_are_not_active_currencies_with_a_minor_unit(String code) {
        assertThatThrownBy(() -> CurrencyUnit.of(code))
                .isInstanceOfSatisfying(MoneyException.class,
                        e -> assertThat(e.code()).isEqualTo(MoneyException.Code.UNKNOWN_CURRENCY));
    }

    @Test
    void refuses_to_mix_currencies() {
        assertThatThrownBy(() -> Money.ofMinor(1, "EUR").plus(Money.ofMinor(1, "USD")))
                .isInstanceOfSatisfying(MoneyException.class,
                        e -> assertThat(e.code()).isEqualTo(MoneyException.Code.CURRENCY_MISMATCH));
    }

    @Test
    void overflow_is_an_error_not_a_wrap() {
        Money max = Money.ofMinor(Long.MAX_VALUE, "EUR");
        assertThatThrownBy(() -> max.plus(Money.ofMinor(1, "EUR"))).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE, "EUR").negate()).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> new MoneyTotals().add(max).add(Money.ofMinor(1, "EUR"))).isInstanceOf(MoneyException.class);
    }

    @ParameterizedTest(name = "{0} minor * {1} bp {2} = {3}")
    @CsvSource({
            "1000, 125, HALF_EVEN, 12",   // 12.5 -> 12
            "1000, 135, HALF_EVEN, 14",   // 13.5 -> 14
            "1000, 125, HALF_UP,   13",
            "1000, 129, DOWN,      12",
            "1000, 121, UP,        13",
            "-1000, 125, HALF_EVEN, -12",
            "-1000, 121, FLOOR,    -13",
            "-1000, 129, CEILING,  -12",
    })
    void basis_points_round_by_the_named_rule(long minor, long bp, RoundingRule rule, long expected) {
        assertThat(Money.ofMinor(minor, "EUR").basisPoints(bp, rule).amountMinor()).isEqualTo(expected);
    }

    @Test
    void allocation_hands_leftover_units_to_the_largest_remainders() {
        Money[] parts = Money.ofMinor(100, "EUR").allocate(1, 1, 1);
        assertThat(parts).extracting(Money::amountMinor).containsExactly(34L, 33L, 33L);
        Money[] negative = Money.ofMinor(-5, "JPY").allocate(3, 7); // 1.5 and 3.5: tie, earlier part wins
        assertThat(negative).extracting(Money::amountMinor).containsExactly(-2L, -3L);
    }

    @Test
    void allocation_refuses_meaningless_weights() {
        Money m = Money.ofMinor(100, "EUR");
        assertThatThrownBy(m::allocate).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> m.allocate(0, 0)).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> m.allocate(1, -1)).isInstanceOf(MoneyException.class);
    }
}
