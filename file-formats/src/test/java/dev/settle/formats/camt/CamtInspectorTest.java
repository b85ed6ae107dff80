package dev.settle.formats.camt;

import static dev.settle.formats.camt.IsoFixtures.fixture;
import static dev.settle.formats.camt.IsoFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.FileFormat;
import dev.settle.formats.InspectionReport;
import dev.settle.money.Money;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CamtInspectorTest {

    @Test
    void reports_counts_totals_and_opening_and_closing_balance_of_each_statement() {
        byte[] bytes = fixture("camt053/camt.053.001.02-multi-statement.xml");
        CamtInspector inspector = new CamtInspector(FileFormat.CAMT053);

        InspectionReport report = inspector.inspect(stream(bytes), "multi.xml");

        assertThat(inspector.looksLike(bytes, "multi.xml")).isTrue();
        assertThat(report.valid()).isTrue();
        assertThat(report.recordCounts()).containsEntry("statements", 2L).containsEntry("entries", 2L)
                .containsEntry("transactions", 2L).containsEntry("reversals", 0L);
        assertThat(report.controlTotals()).containsEntry("credits EUR", Money.parse("8.85 EUR"))
                .containsEntry("debits EUR", Money.parse("7.00 EUR")).containsEntry("net EUR", Money.parse("1.85 EUR"));
        assertThat(report.balances()).containsExactly(
                org.assertj.core.api.Assertions.entry("opening OPBD 2014-12-30 NL26VAYB8060476890 stmt 1", Money.parse("18.15 EUR")),
                org.assertj.core.api.Assertions.entry("closing CLBD 2014-12-31 NL26VAYB8060476890 stmt 1", Money.parse("27.00 EUR")),
                org.assertj.core.api.Assertions.entry("opening OPBD 2014-12-30 NL26VAYB8060476890 stmt 2", Money.parse("27.00 EUR")),
                org.assertj.core.api.Assertions.entry("closing CLBD 2014-12-31 NL26VAYB8060476890 stmt 2", Money.parse("20.00 EUR")));
    }

    @Test
    void a_camt054_inspector_does_not_claim_a_camt053_file_and_reports_a_truncated_one() {
        CamtInspector camt054 = new CamtInspector(FileFormat.CAMT054);
        byte[] stmt = fixture("camt053/camt.053.001.02-ing.xml");
        byte[] ntf = fixture("camt054/camt.054.001.04-postfinance-esr-batched.xml");

        assertThat(camt054.looksLike(stmt, "x.xml")).isFalse();
        InspectionReport report = camt054.inspect(stream(Arrays.copyOf(ntf, 2000)), "cut.xml");
        assertThat(report.violations()).extracting(v -> v.code().code()).containsExactly("CAMT_MALFORMED_XML");
    }
}
