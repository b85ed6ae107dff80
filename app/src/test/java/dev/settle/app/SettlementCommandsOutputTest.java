package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Output of {@code settlements} and {@code payouts}: every value survives a JSON parser
 * ({@code --json}), and free text cannot shift the columns of the tab-separated listing.
 */
class SettlementCommandsOutputTest {

    static List<Arguments> values() {
        return List.of(
                Arguments.of("minor units", 231446L, "231446"),
                Arguments.of("a negative amount", -13202L, "-13202"),
                Arguments.of("a count from a numeric column", new BigDecimal("22"), "22"),
                Arguments.of("null", null, "null"),
                Arguments.of("a date", Date.valueOf(LocalDate.of(2026, 11, 24)), "\"2026-11-24\""),
                Arguments.of("char(3) padding is trimmed", "EUR ", "\"EUR\""),
                Arguments.of("quotes and backslashes", "ref \"A\\B\"", "\"ref \\\"A\\\\B\\\"\""),
                Arguments.of("a tab", "pay_1\t4111", "\"pay_1\\t4111\""),
                Arguments.of("a line break inside", "first\nsecond", "\"first\\nsecond\""),
                Arguments.of("a control character", "bell\u0007 rang", "\"bell\\u0007 rang\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void each_value_is_written_as_valid_json(String what, Object value, String expectedJson) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", "stl_1");
        row.put("value", value);

        String json = SettlementCommands.json(List.of(row), "id", "value");

        JsonNode parsed = JsonMapper.builder().build().readTree(json);
        assertThat(parsed.size()).isEqualTo(1);
        assertThat(parsed.get(0).propertyNames()).containsExactly("id", "value");
        assertThat(parsed.get(0).get("value").toString()).isEqualTo(expectedJson);
    }

    static List<Arguments> tsvFields() {
        return List.of(
                Arguments.of("null is empty", null, ""),
                Arguments.of("a number", 231446L, "231446"),
                Arguments.of("char(3) padding is trimmed", "EUR ", "EUR"),
                Arguments.of("a tab", "pay_1\t4111", "pay_1\\t4111"),
                Arguments.of("a line feed", "first\nsecond", "first\\nsecond"),
                Arguments.of("a carriage return", "first\rsecond", "first\\rsecond"),
                Arguments.of("a backslash", "A\\B", "A\\\\B"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tsvFields")
    void each_tsv_field_stays_one_field_on_one_line(String what, Object value, String expected) {
        String field = SettlementCommands.tsvField(value);

        assertThat(field).isEqualTo(expected).doesNotContain("\t", "\n", "\r");
    }
}
