package dev.settle.readerswriters.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CSV that COPY reads: what PostgreSQL stores for each value is decided by its quoting. */
class CsvCopyInTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            null is an unquoted empty field (SQL NULL) | <null>     | ''
            an empty string is quoted (stays '')       | ''         | '""'
            plain text is quoted                       | abc        | '"abc"'
            a comma stays inside the quotes            | a,b        | '"a,b"'
            a quote is doubled                         | a"b        | '"a""b"'
            """)
    void one_value(String rule, String value, String expected) {
        assertThat(render("<null>".equals(value) ? null : value)).as(rule).isEqualTo(expected + "\n");
    }

    @Test
    void non_ascii_text_is_utf8_with_its_quotes_doubled() {
        assertThat(render("Z\u00fcrich \"\u00d6\"")).isEqualTo("\"Z\u00fcrich \"\"\u00d6\"\"\"\n");
        String outsideTheBmp = "a\uD83D\uDE00\"b"; // a surrogate pair, then a quote
        assertThat(render(outsideTheBmp)).isEqualTo("\"a\uD83D\uDE00\"\"b\"\n");
    }

    @Test
    void numbers_and_dates_are_written_as_postgresql_reads_them() {
        assertThat(render(42L, -1999L, 0L, 7, LocalDate.of(2026, 11, 24), null, "x\ny",
                Instant.parse("2026-11-23T10:15:30Z")))
                .isEqualTo("42,-1999,0,7,\"2026-11-24\",,\"x\ny\",\"2026-11-23T10:15:30Z\"\n");
    }

    @Test
    void the_extreme_longs_keep_every_digit() {
        assertThat(render(Long.MAX_VALUE, Long.MIN_VALUE, -1L))
                .isEqualTo("9223372036854775807,-9223372036854775808,-1\n");
    }

    @Test
    void rows_longer_than_the_buffer_grow_it() {
        CsvCopyIn.Encoder encoder = new CsvCopyIn.Encoder(4);
        String longText = "\u00e9".repeat(1000);
        encoder.row(longText, 123456789L);
        assertThat(new String(encoder.bytes(), 0, encoder.length(), StandardCharsets.UTF_8))
                .isEqualTo("\"" + longText + "\",123456789\n");
    }

    private static String render(Object... values) {
        CsvCopyIn.Encoder encoder = new CsvCopyIn.Encoder(16);
        encoder.row(values);
        return new String(encoder.bytes(), 0, encoder.length(), StandardCharsets.UTF_8);
    }
}
