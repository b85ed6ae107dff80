package dev.settle.readerswriters.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
        StringBuilder csv = new StringBuilder();
        CsvCopyIn.appendRow(csv, "<null>".equals(value) ? null : value);
        assertThat(csv.toString()).as(rule).isEqualTo(expected + "\n");
    }

    @org.junit.jupiter.api.Test
    void numbers_and_dates_are_written_as_postgresql_reads_them() {
        StringBuilder csv = new StringBuilder();
        CsvCopyIn.appendRow(csv, 42L, -1999L, LocalDate.of(2026, 11, 24), null, "x\ny");
        assertThat(csv.toString()).isEqualTo("\"42\",\"-1999\",\"2026-11-24\",,\"x\ny\"\n");
    }
}
