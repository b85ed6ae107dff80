package dev.settle.readerswriters.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bytes of PostgreSQL's binary COPY format, value by value (big-endian; a 32-bit length before each value). */
class BinaryCopyInTest {

    private static final int SIGNATURE_BYTES = 19;
    private static final int ROW_HEADER_BYTES = 2;

    @Test
    void the_data_opens_with_the_signature_and_ends_with_a_count_of_minus_one() {
        BinaryCopyIn.Encoder encoder = new BinaryCopyIn.Encoder(8);
        encoder.trailer();
        assertThat(hex(encoder, 0)).isEqualTo("5047434f50590aff0d0a00" + "00000000" + "00000000" + "ffff");
    }

    @Test
    void a_row_starts_with_its_value_count() {
        BinaryCopyIn.Encoder encoder = new BinaryCopyIn.Encoder(8);
        encoder.startRow(3);
        assertThat(hex(encoder, SIGNATURE_BYTES)).isEqualTo("0003");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bigint: 8 bytes                             | int8 -2                        | 00000008 fffffffffffffffe
            bigint null                                 | int8 null                      | ffffffff
            integer: 4 bytes                            | int4 7                         | 00000004 00000007
            boolean: 1 byte                             | bool true                      | 00000001 01
            text: its UTF-8 bytes                       | text aé                        | 00000003 61c3a9
            text: the empty string is not null          | text                           | 00000000
            text null                                   | text null                      | ffffffff
            date: days since 2000-01-01                 | date 1999-12-31                | 00000004 ffffffff
            date null                                   | date null                      | ffffffff
            timestamptz: microseconds since 2000-01-01Z | ts 2000-01-01T00:00:01.000002Z | 00000008 00000000000f4242
            timestamptz null                            | ts null                        | ffffffff
            """)
    void one_value(String rule, String value, String expectedHex) {
        BinaryCopyIn.Encoder encoder = new BinaryCopyIn.Encoder(8);
        encoder.startRow(1);
        String[] kindAndValue = value.split(" ", 2);
        String v = kindAndValue.length > 1 ? kindAndValue[1] : "";
        boolean nul = v.equals("null");
        switch (kindAndValue[0]) {
            case "int8" -> encoder.int8(nul ? null : Long.valueOf(v));
            case "int4" -> encoder.int4(Integer.parseInt(v));
            case "bool" -> encoder.bool(Boolean.parseBoolean(v));
            case "text" -> encoder.text(nul ? null : v);
            case "date" -> encoder.date(nul ? null : LocalDate.parse(v));
            case "ts" -> encoder.timestamptz(nul ? null : Instant.parse(v));
            default -> throw new IllegalArgumentException(value);
        }
        assertThat(hex(encoder, SIGNATURE_BYTES + ROW_HEADER_BYTES)).as(rule).isEqualTo(expectedHex.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0} ns after the second -> {1} µs")
    @CsvSource({"499, 0", "500, 0", "501, 1", "1500, 2", "2500, 2", "999999999, 1000000"})
    void instants_finer_than_a_microsecond_round_to_the_nearest_half_to_even_as_the_server_does(int nanos, long micros) {
        BinaryCopyIn.Encoder encoder = new BinaryCopyIn.Encoder(8);
        encoder.startRow(1);
        encoder.timestamptz(Instant.parse("2000-01-01T00:00:00Z").plusNanos(nanos));
        byte[] value = Arrays.copyOfRange(encoder.bytes(), encoder.length() - 8, encoder.length());
        assertThat(new BigInteger(value).longValueExact()).isEqualTo(micros);
    }

    @Test
    void non_ascii_text_after_ascii_is_measured_in_bytes_not_characters() {
        BinaryCopyIn.Encoder encoder = new BinaryCopyIn.Encoder(4); // grows while writing
        String text = "Z\u00fcrich a\uD83D\uDE00b"; // a two-byte ü and a four-byte emoji
        encoder.startRow(1);
        encoder.text(text);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8); // 14 bytes, 11 chars
        assertThat(hex(encoder, SIGNATURE_BYTES + ROW_HEADER_BYTES)).isEqualTo("0000000e" + HexFormat.of().formatHex(utf8));
    }

    @Test
    void a_row_with_fewer_or_more_values_than_it_announced_is_refused() {
        BinaryCopyIn.Encoder shortRow = new BinaryCopyIn.Encoder(8);
        shortRow.startRow(2);
        shortRow.int8(1L);
        assertThatThrownBy(() -> shortRow.startRow(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("row ended with 1 of its values missing");
        BinaryCopyIn.Encoder longRow = new BinaryCopyIn.Encoder(8);
        longRow.startRow(1);
        longRow.int8(1L);
        assertThatThrownBy(() -> longRow.int8(2L)).isInstanceOf(IllegalStateException.class)
                .hasMessage("more values than the row announced");
    }

    private static String hex(BinaryCopyIn.Encoder encoder, int from) {
        return HexFormat.of().formatHex(encoder.bytes(), from, encoder.length());
    }
}
