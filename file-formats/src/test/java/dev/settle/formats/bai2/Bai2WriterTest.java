package dev.settle.formats.bai2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Bai2WriterTest {

    static final RecursiveComparisonConfiguration IGNORING_LINES = RecursiveComparisonConfiguration.builder()
            .withIgnoredFields("line").build();

    /**
     * Every fixture that validates clean. Left out: moov-parse-error (broken on purpose) and
     * moov-sample4 (its trailers do not match its content; the writer refuses wrong control totals).
     */
    @ParameterizedTest
    @ValueSource(strings = {"moj-account-trailer-amount-blank.bai2", "moj-citi-gbp.bai2", "moj-natwest-gbp.bai2",
        "moj-svb-usd.bai2", "moov-sample1-cad-returned-items.bai2", "moov-sample2-multi-group.bai2",
        "moov-sample3-multi-record-lines.bai2"})
    void read_write_read_gives_the_same_records(String fixture) {
        Bai2Fixtures.Result first = Bai2Fixtures.read(fixture);
        assertThat(first.violations()).isEmpty();

        byte[] written = write(first.records());
        Bai2Fixtures.Result second = Bai2Fixtures.read(written, fixture);

        assertThat(second.violations()).isEmpty();
        assertThat(second.records()).usingRecursiveFieldByFieldElementComparator(IGNORING_LINES)
                .containsExactlyElementsOf(first.records());
        assertThat(write(second.records())).isEqualTo(written);
    }

    @Test
    void writes_the_golden_file() throws IOException {
        byte[] written = write(sample());

        try (InputStream golden = getClass().getResourceAsStream("/golden/bai2/sample.bai2")) {
            assertThat(new String(written, StandardCharsets.US_ASCII))
                    .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertThat(Bai2Fixtures.read(written, "sample.bai2").records())
                .usingRecursiveFieldByFieldElementComparator(IGNORING_LINES).containsExactlyElementsOf(sample());
    }

    @Test
    void refuses_a_wrong_account_control_total_before_writing_it() {
        StringWriter out = new StringWriter();
        Bai2Writer writer = new Bai2Writer(out);
        List<Bai2Record> records = sample();
        for (int i = 0; i < 4; i++) {
            writer.write(records.get(i));
        }
        int before = out.toString().length();

        assertThatThrownBy(() -> writer.write(new Bai2AccountTrailer(1L, 4L, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAI2_ACCOUNT_CONTROL_TOTAL_MISMATCH");
        assertThat(out.toString()).hasSize(before);
    }

    @Test
    void refuses_separators_inside_fixed_fields_and_a_cutting_slash_in_text() {
        Bai2Writer writer = new Bai2Writer(new StringWriter());
        List<Bai2Record> records = sample();
        writer.write(records.get(0));
        writer.write(records.get(1));
        writer.write(records.get(2));
        Bai2TransactionDetail d = (Bai2TransactionDetail) records.get(3);

        assertThatThrownBy(() -> writer.write(new Bai2TransactionDetail(d.typeCode(), d.amount(), d.funds(), "A,B",
                d.customerReference(), d.text(), List.of(), 0, 1))).hasMessageContaining("bankReference");
        assertThatThrownBy(() -> writer.write(new Bai2TransactionDetail(d.typeCode(), d.amount(), d.funds(), "",
                "", "PAID/ 49,1", List.of(), 0, 1))).hasMessageContaining("text");
        assertThatThrownBy(() -> writer.write(new Bai2TransactionDetail("045", d.amount(), d.funds(), "", "", "",
                List.of(), 0, 1))).hasMessageContaining("type code");
    }

    /** Emulates a million 16 records into a sink; nothing is buffered, so memory stays flat. */
    @Test
    void streams_a_million_details_with_constant_memory() {
        long[] chars = {0};
        Writer sink = new Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                chars[0] += len;
            }

            @Override
            public void write(String s) {
                chars[0] += s.length();
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Bai2Writer writer = new Bai2Writer(sink);
        CurrencyUnit usd = CurrencyUnit.USD;
        writer.write(new Bai2FileHeader("SENDER", "RECEIVER", LocalDate.of(2024, 1, 31), "0600", "1", null, null, "2", 0, 1));
        writer.write(new Bai2GroupHeader("RECEIVER", "SENDER", "1", LocalDate.of(2024, 1, 30), "2400", "USD", "2", 0, 1));
        writer.write(new Bai2AccountIdentifier("123456789", "USD", usd, List.of(), 0, 1));
        long sum = 0;
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            long cents = 100 + i % 9_900;
            sum += cents;
            writer.write(new Bai2TransactionDetail(i % 2 == 0 ? "142" : "451", Money.ofMinor(cents, usd), Bai2Funds.NONE,
                    "B" + i, "C" + i, "PAYOUT " + i, List.of(), 0, 1));
        }
        writer.write(new Bai2AccountTrailer(sum, n + 2L, 0, 1));
        writer.write(new Bai2GroupTrailer(sum, 1L, n + 4L, 0, 1));
        writer.write(new Bai2FileTrailer(sum, 1L, n + 6L, 0, 1));
        writer.finish();

        assertThat(writer.recordsWritten()).isEqualTo(n + 6L);
        assertThat(chars[0]).isGreaterThan(30_000_000L);
    }

    static List<Bai2Record> sample() {
        CurrencyUnit gbp = CurrencyUnit.GBP;
        return List.of(
                new Bai2FileHeader("SETTLEBANK", "SETTLE", LocalDate.of(2025, 1, 2), "0600", "42", 80, null, "2", 0, 1),
                new Bai2GroupHeader("SETTLE", "SETTLEBANK", "1", LocalDate.of(2025, 1, 1), "2400", "GBP", "2", 0, 1),
                new Bai2AccountIdentifier("12345678", null, gbp, List.of(
                        new Bai2Summary("010", Money.ofMinor(-10000, gbp), null, Bai2Funds.NONE),
                        new Bai2Summary("015", Money.ofMinor(140000, gbp), null, Bai2Funds.NONE),
                        new Bai2Summary("100", Money.ofMinor(150050, gbp), 1, Bai2Funds.NONE),
                        new Bai2Summary("400", Money.ofMinor(50, gbp), 1, Bai2Funds.NONE)), 0, 2),
                new Bai2TransactionDetail("195", Money.ofMinor(150050, gbp), new Bai2Funds("S", Money.ofMinor(50, gbp),
                        Money.ofMinor(150000, gbp), Money.ofMinor(0, gbp), null, null, List.of()), "BR1", "E2E-0001",
                        "Incoming wire, ref 12/2024", List.of("REMI: Invoice 4711", "DBNM: Muster Ltd"), 0, 3),
                new Bai2TransactionDetail("699", Money.ofMinor(50, gbp), new Bai2Funds("D", null, null, null, null, null,
                        List.of(new Bai2Funds.Distribution(0, Money.ofMinor(20, gbp)),
                                new Bai2Funds.Distribution(1, Money.ofMinor(30, gbp)))), "", "", "Fee", List.of(), 0, 1),
                new Bai2AccountTrailer(-10000L + 140000 + 150050 + 50 + 150050 + 50, 7L, 0, 1),
                new Bai2GroupTrailer(-10000L + 140000 + 150050 + 50 + 150050 + 50, 1L, 9L, 0, 1),
                new Bai2FileTrailer(-10000L + 140000 + 150050 + 50 + 150050 + 50, 1L, 11L, 0, 1));
    }

    private static byte[] write(List<Bai2Record> records) {
        StringWriter out = new StringWriter();
        Bai2Writer writer = new Bai2Writer(out);
        records.forEach(writer::write);
        writer.finish();
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
