package dev.settle.formats.bai2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FileFormat;
import dev.settle.formats.InspectionReport;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class Bai2InspectorTest {

    private final Bai2Inspector inspector = new Bai2Inspector();

    @Test
    void reports_counts_credit_debit_totals_and_ledger_balances() {
        InspectionReport report = inspector.inspect(new ByteArrayInputStream(
                Bai2Fixtures.bytes("moov-sample1-cad-returned-items.bai2")), "s1.bai2");

        assertThat(report.format()).isEqualTo(FileFormat.BAI2);
        assertThat(report.valid()).isTrue();
        assertThat(report.recordCounts()).containsEntry("16 transaction detail", 17L).containsEntry("03 account", 2L)
                .containsEntry("88 continuation", 2L);
        assertThat(report.controlTotals()).containsEntry("credits CAD", Money.ofMinor(320000, "CAD"))
                .containsEntry("debits CAD", Money.ofMinor(320000, "CAD"));
    }

    @Test
    void reports_opening_and_closing_ledger_per_account() {
        InspectionReport report = inspector.inspect(new ByteArrayInputStream(Bai2Fixtures.bytes("moj-citi-gbp.bai2")), "c");

        assertThat(report.balances()).containsEntry("#1 010 opening ledger 77777777", Money.ofMinor(10000, "GBP"))
                .containsEntry("#1 015 closing ledger 77777777", Money.ofMinor(10000, "GBP"));
    }

    @Test
    void recognises_bai2_heads_only() {
        assertThat(inspector.looksLike(Bai2Fixtures.bytes("moov-sample2-multi-group.bai2"), "x")).isTrue();
        assertThat(inspector.looksLike(":20:STARTUMS\n:25:1\n".getBytes(), "x.sta")).isFalse();
    }
}
