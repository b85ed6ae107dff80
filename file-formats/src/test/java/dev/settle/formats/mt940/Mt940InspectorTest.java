package dev.settle.formats.mt940;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FileFormat;
import dev.settle.formats.InspectionReport;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Mt940InspectorTest {

    private final Mt940Inspector inspector = new Mt940Inspector();

    @Test
    void reports_counts_totals_and_opening_and_closing_balance_of_every_statement() {
        InspectionReport report = inspector.inspect(
                new ByteArrayInputStream(Mt940Fixtures.bytes("postfinance-chf.sta")), "postfinance-chf.sta");

        assertThat(report.format()).isEqualTo(FileFormat.MT940);
        assertThat(report.recordCounts()).containsEntry("statements", 2L).containsEntry("entries", 4L)
                .containsEntry("reversals", 0L);
        assertThat(report.controlTotals()).containsEntry("credits CHF", Money.ofMinor(23930, "CHF"))
                .containsEntry("debits CHF", Money.ofMinor(7990, "CHF"));
        assertThat(report.balances()).containsExactly(
                entry("#1 opening 2013-11-30 123456789", 0),
                entry("#1 closing 2014-04-07 123456789", 22920),
                entry("#2 opening 2014-04-07 123456789", 22920),
                entry("#2 closing 2014-04-07 123456789", 15960));
        assertThat(report.violations()).extracting(v -> v.code().code()).containsExactly("MT940_BALANCE_MISMATCH");
    }

    @Test
    void reports_debit_balances_negative_and_a_clean_file_as_valid() {
        InspectionReport report = inspector.inspect(new ByteArrayInputStream(
                Mt940Fixtures.bytes("sepa-mt940-large-with-reversals.sta")), "sepa.sta");

        assertThat(report.valid()).isTrue();
        assertThat(report.recordCounts()).containsEntry("statements", 26L).containsEntry("reversals", 2L);
        assertThat(report.balances().get("#1 opening 2007-09-03 50880050/0194774600888"))
                .isEqualTo(Money.ofMinor(-123471836, "EUR"));
    }

    @Test
    void recognises_mt940_heads_and_not_bai2() {
        assertThat(inspector.looksLike(Arrays.copyOf(Mt940Fixtures.bytes("ing.sta"), 200), "x")).isTrue();
        assertThat(inspector.looksLike("01,0004,12345,060321,0829,001,80,1,2/\n".getBytes(), "x.bai2")).isFalse();
    }

    private static java.util.Map.Entry<String, Money> entry(String key, long minor) {
        return java.util.Map.entry(key, Money.ofMinor(minor, "CHF"));
    }
}
