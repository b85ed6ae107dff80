package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "card 4242424242424242 here | card [redacted] here | true",
            "4242 4242 4242 4242 | [redacted] | true",
            "4242-4242-4242-4242 | [redacted] | true",
            "order 12345 | order 12345 | false",
            "twenty digits 00000000000000000000 | twenty digits 00000000000000000000 | false"})
    void given_text_then_card_number_like_runs_are_found_and_masked(String text, String redacted, boolean found) {
        assertThat(Redaction.redact(text)).isEqualTo(redacted);
        assertThat(Redaction.containsPanLike(text)).isEqualTo(found);
    }
}
