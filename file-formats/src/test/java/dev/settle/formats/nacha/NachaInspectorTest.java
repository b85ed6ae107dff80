package dev.settle.formats.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FileFormat;
import dev.settle.formats.InspectionReport;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NachaInspectorTest {

    private final NachaInspector inspector = new NachaInspector();

    @Test
    void reports_counts_totals_and_no_violations_for_web_debit() {
        InspectionReport r = inspector.inspect(new ByteArrayInputStream(NachaTestFiles.bytes("web-debit.ach")), "web-debit.ach");

        assertThat(r.format()).isEqualTo(FileFormat.NACHA);
        assertThat(r.valid()).isTrue();
        assertThat(r.recordCounts()).containsEntry("batches", 3L).containsEntry("entries", 6L)
                .containsEntry("filler lines", 6L);
        assertThat(r.controlTotals()).containsEntry("debits", Money.ofMinor(15000, "USD"))
                .containsEntry("credits", Money.ofMinor(26820, "USD"))
                .containsEntry("net (credits - debits)", Money.ofMinor(11820, "USD"));
    }

    @Test
    void reports_the_short_line_violation() {
        InspectionReport r = inspector.inspect(new ByteArrayInputStream(NachaTestFiles.bytes("short-line.ach")), "s.ach");

        assertThat(r.violations()).extracting(v -> v.code()).containsExactly(NachaViolation.NACHA_LINE_LENGTH);
    }

    @Test
    void recognises_every_fixture_and_nothing_else() {
        for (String f : NachaTestFiles.FIXTURES) {
            byte[] b = NachaTestFiles.bytes(f);
            assertThat(inspector.looksLike(Arrays.copyOf(b, Math.min(b.length, 4096)), f)).as(f).isTrue();
        }
        assertThat(inspector.looksLike("payout_id,merchant_id\n".getBytes(), "p.csv")).isFalse();
        assertThat(inspector.looksLike(":20:STATEMENT\n".getBytes(), "x.sta")).isFalse();
    }
}
