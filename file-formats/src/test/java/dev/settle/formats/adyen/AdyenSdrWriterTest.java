package dev.settle.formats.adyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdyenSdrWriterTest {

    private static final String CLASSIC = "/fixtures/gateway/adyen-sdr-classic-two-batches.csv";
    private static final String NEWER = "/fixtures/gateway/adyen-sdr-newer-layout.csv";

    static String write(List<SdrLine> rows, SdrLayout layout) {
        StringWriter out = new StringWriter();
        try (AdyenSdrWriter writer = new AdyenSdrWriter(out, layout, "out.csv")) {
            rows.forEach(writer::write);
        }
        return out.toString();
    }

    static List<SdrLine> read(String csv) {
        List<SdrLine> rows = new ArrayList<>();
        try (AdyenSdrReader reader = new AdyenSdrReader(new StringReader(csv), "round-trip.csv")) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Compares with the golden file; when it is missing, writes the candidate under target/ and fails. */
    static void assertGolden(String name, String actual) throws IOException {
        var in = AdyenSdrWriterTest.class.getResourceAsStream("/golden/" + name);
        if (in == null) {
            Path candidate = Path.of("target", "golden-candidates", name);
            Files.createDirectories(candidate.getParent());
            Files.writeString(candidate, actual, StandardCharsets.UTF_8);
            throw new AssertionError("golden file /golden/" + name + " missing; candidate written to " + candidate);
        }
        try (in) {
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(SdrLayout.class)
    void read_write_read_gives_the_same_rows_in_either_layout(SdrLayout layout) {
        for (String fixture : List.of(CLASSIC, NEWER)) {
            List<SdrLine> original = AdyenFixtures.readAll(fixture);
            String written = write(original, layout);
            List<SdrLine> again = read(written);

            assertThat(again).usingRecursiveFieldByFieldElementComparatorIgnoringFields("bookingDate", "bookingDateTimeZone")
                    .isEqualTo(original);
            if (layout == SdrLayout.NEWER) {
                assertThat(again).isEqualTo(original);
            }
            // The writer's own output is a fixed point: byte-identical when written again.
            assertThat(write(again, layout)).isEqualTo(written);
        }
    }

    @Test
    void writes_the_classic_fixture_rows_exactly_as_the_golden_file() throws IOException {
        assertGolden("adyen/classic-two-batches.written.csv", write(AdyenFixtures.readAll(CLASSIC), SdrLayout.CLASSIC));
    }

    @Test
    void the_emulator_writes_the_golden_newer_layout_file_for_seed_42() throws IOException {
        StringWriter out = new StringWriter();
        AdyenSdrEmulator.write(out, SdrLayout.NEWER, 12, 5, 42);
        assertGolden("adyen/emulated-newer-12-rows.csv", out.toString());
    }

    @Test
    void the_emulated_file_validates_clean_with_every_batch_paid_out() {
        StringWriter out = new StringWriter();
        AdyenSdrEmulator.write(out, SdrLayout.CLASSIC, 2_000, 100, 7);
        InspectionReport report = new AdyenInspector().inspect(
                new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), "emulated.csv");

        assertThat(report.violations()).isEmpty();
        assertThat(report.recordCounts().get("MerchantPayout")).isEqualTo(20);
        assertThat(report.recordCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_000);
        assertThat(report.controlTotals().get("net EUR")).isEqualTo(Money.zero(CurrencyUnit.EUR));
    }

    @Test
    void the_emulator_streams_a_million_rows_without_holding_them() {
        CountingWriter sink = new CountingWriter();
        long before = usedHeap();
        AdyenSdrEmulator.write(sink, SdrLayout.CLASSIC, 1_000_000, 10_000, 1);
        long grown = usedHeap() - before;

        assertThat(sink.lines).isEqualTo(1_000_001);
        // A file of this size is ~200 MB of text; holding it would show. The bound is generous for GC noise.
        assertThat(grown).isLessThan(64L << 20);
    }

    @Test
    void refuses_a_psp_reference_longer_than_16_before_writing_anything_of_the_row() {
        SdrLine row = AdyenFixtures.readAll(CLASSIC).get(0);
        SdrLine tooLong = new SdrLine(row.line(), row.companyAccount(), row.merchantAccount(), "88150000000000011",
                row.merchantReference(), row.paymentMethod(), row.paymentMethodVariant(), row.creationDate(), row.timeZone(),
                row.type(), row.typeText(), row.modificationReference(), row.modificationMerchantReference(),
                row.grossCurrency(), row.gross(), row.exchangeRate(), row.netCurrency(), row.net(), row.commission(),
                row.markup(), row.schemeFees(), row.interchange(), row.batchNumber(), row.bookingDate(),
                row.bookingDateTimeZone(), List.of());
        StringWriter out = new StringWriter();
        AdyenSdrWriter writer = new AdyenSdrWriter(out, SdrLayout.CLASSIC, "out.csv");

        assertThatThrownBy(() -> writer.write(tooLong)).isInstanceOfSatisfying(FormatException.class, e -> {
            assertThat(e.violation().code()).isEqualTo(AdyenViolation.ADYEN_FIELD_TOO_LONG);
            assertThat(e.violation().field()).isEqualTo("Psp Reference");
            assertThat(e.violation().line()).isEqualTo(2);
        });
        writer.close();
        assertThat(out.toString().split("\n")).hasSize(1);
    }

    @Test
    void refuses_a_payout_that_does_not_pay_out_its_batch() {
        List<SdrLine> rows = AdyenFixtures.readAll(CLASSIC);
        StringWriter out = new StringWriter();
        AdyenSdrWriter writer = new AdyenSdrWriter(out, SdrLayout.CLASSIC, "out.csv");
        writer.write(rows.get(0));

        SdrLine payout = rows.get(7); // pays out 89.61 of batch 17, but only 98.20 was written
        assertThatThrownBy(() -> writer.write(payout)).isInstanceOfSatisfying(FormatException.class,
                e -> assertThat(e.violation().code()).isEqualTo(AdyenViolation.ADYEN_PAYOUT_MISMATCH));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Counts lines and keeps nothing. */
    private static final class CountingWriter extends Writer {
        long lines;

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void write(String s, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (s.charAt(i) == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
