package dev.settle.gateway.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.GatewayException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardValidatorTest {

    private static final CardFingerprinter FINGERPRINTER = new CardFingerprinter("unit-test-key-0123456789");

    private static CardValidator at(String instant) {
        return new CardValidator(FINGERPRINTER, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "4242424242424242, VISA", "4000056655665556, VISA", "5555555555554444, MASTERCARD", "2223003122003222, MASTERCARD",
            "378282246310005, AMEX", "371449635398431, AMEX", "6011111111111117, DISCOVER", "3056930009020004, DINERS",
            "36227206271667, DINERS", "3566002020360505, JCB", "6200000000000005, UNIONPAY", "6759649826438453, MAESTRO",
            "9999999999999995, UNKNOWN"})
    void given_a_pan_then_the_brand_comes_from_its_bin_range(String pan, CardBrand brand) {
        assertThat(CardBrand.of(pan)).isEqualTo(brand);
    }

    @Test
    void given_valid_card_data_then_only_bin_last4_expiry_and_a_keyed_fingerprint_are_kept() {
        Card card = at("2026-06-15T00:00:00Z").validate(new CardInput("4242424242424242", 6, 2026, "123"));

        assertThat(card.stored().bin()).isEqualTo("424242");
        assertThat(card.stored().last4()).isEqualTo("4242");
        assertThat(card.stored().fingerprint()).matches("fp_[0-9a-f]{32}")
                .isEqualTo(FINGERPRINTER.fingerprint("4242424242424242"))
                .isNotEqualTo(new CardFingerprinter("another-key-0123456789").fingerprint("4242424242424242"));
        assertThat(card.toString()).doesNotContain("4242424242424242").doesNotContain("123,");
        assertThat(card.stored().toString()).doesNotContain("4242424242424242");
    }

    @Test
    void given_the_last_day_of_the_expiry_month_then_the_card_is_still_valid_and_the_next_month_it_is_expired() {
        CardInput june2026 = new CardInput("4242424242424242", 6, 2026, "123");
        assertThat(at("2026-06-30T23:59:59Z").validate(june2026)).isNotNull();
        // still June somewhere on Earth (UTC-12) until 12:00 UTC on 1 July
        assertThat(at("2026-07-01T11:00:00Z").validate(june2026)).isNotNull();
        assertThatThrownBy(() -> at("2026-07-01T12:00:01Z").validate(june2026))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPIRED_CARD));
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3} -> {4}")
    @CsvSource({
            "4242424242424241, 1, 2030, 123, INVALID_NUMBER",
            "424242424242424a, 1, 2030, 123, INVALID_NUMBER",
            "'', 1, 2030, 123, INVALID_NUMBER",
            "42424242424242420, 1, 2030, 123, INVALID_NUMBER",
            "378282246310005, 1, 2030, 123, INVALID_CVC",
            "4242424242424242, 1, 2030, 1234, INVALID_CVC",
            "4242424242424242, 0, 2030, 123, INVALID_EXPIRY_MONTH",
            "4242424242424242, 1, 2070, 123, INVALID_EXPIRY_YEAR",
            "4242424242424242, 1, 26, 123, INVALID_EXPIRY_YEAR"})
    void given_invalid_card_data_then_the_code_names_the_problem_and_the_message_never_repeats_the_number(
            String pan, int month, int year, String cvc, ErrorCode code) {
        assertThatThrownBy(() -> at("2026-06-15T00:00:00Z").validate(new CardInput(pan, month, year, cvc)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    if (!pan.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(pan);
                    }
                });
    }

    @Test
    void luhn_accepts_known_good_numbers_and_rejects_a_changed_digit() {
        assertThat(CardValidator.luhnValid("79927398713")).isTrue();
        assertThat(CardValidator.luhnValid("79927398710")).isFalse();
    }
}
