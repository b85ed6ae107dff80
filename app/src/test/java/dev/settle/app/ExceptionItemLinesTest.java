package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How {@code ./settle exceptions show} prints one side of an exception. */
class ExceptionItemLinesTest {

    static List<Arguments> amounts() {
        return List.of(
                Arguments.of("KWD has three decimals", Map.of("currency", "KWD", "amount_minor", 3397L), "amount_minor", "3.397 KWD (3397)"),
                Arguments.of("JPY has none", Map.of("currency", "JPY", "gross_minor", 100L), "gross_minor", "100 JPY (100)"),
                Arguments.of("a negative refund", Map.of("currency", "EUR", "expected_minor", -13202L), "expected_minor", "-132.02 EUR (-13202)"),
                Arguments.of("char(3) padding", Map.of("currency", "EUR ", "actual_minor", 4200L), "actual_minor", "42.00 EUR (4200)"),
                Arguments.of("net in the net currency", Map.of("currency", "EUR", "net_currency", "USD", "net_minor", 4150L), "net_minor",
                        "41.50 USD (4150)"),
                Arguments.of("no currency column: the exception's", Map.of("net_minor", 5L), "net_minor", "0.05 EUR (5)"),
                Arguments.of("an unknown currency: minor units as they are", Map.of("currency", "XYZ", "amount_minor", 7L), "amount_minor",
                        "7 XYZ (7)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amounts")
    void amounts_are_shown_in_their_currency_next_to_the_stored_minor_units(String what, Map<String, Object> row, String column,
                                                                            String expected) {
        List<String> lines = ExceptionsCommand.itemLines("item", row, "EUR");

        assertThat(lines).contains(String.format("    %-24s %s", column, expected));
    }

    @Test
    void empty_columns_are_left_out_and_the_rest_keep_their_order() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("item_key", "txn:txn_05Q8aJnWpD9iANIZoGFP0hCq");
        row.put("other_key", null);
        row.put("attribution", "");
        row.put("outcome", "MISSING_IN_GATEWAY");

        assertThat(ExceptionsCommand.itemLines("reconciliation result", row, "KWD")).containsExactly(
                "  reconciliation result:",
                "    item_key                 txn:txn_05Q8aJnWpD9iANIZoGFP0hCq",
                "    outcome                  MISSING_IN_GATEWAY");
    }

    @Test
    void a_time_is_an_instant_in_utc() {
        Map<String, Object> row = Map.of("created_at", Timestamp.from(Instant.parse("2026-11-24T09:00:06.222968Z")));

        assertThat(ExceptionsCommand.itemLines("item", row, "EUR")).contains("    created_at               2026-11-24T09:00:06.222968Z");
    }

    @Test
    void a_missing_side_says_none() {
        assertThat(ExceptionsCommand.itemLines("counterpart", Map.of(), "EUR")).containsExactly("  counterpart: none");
    }
}
