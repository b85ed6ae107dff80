package dev.settle.formats.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeReportTest {

    static final String ITEMIZED = "/fixtures/gateway/stripe-itemized-payout-recon.csv";
    static final String VIOLATIONS = "/fixtures/gateway/stripe-balance-violations.csv";

    static byte[] bytes(String resource) {
        try (InputStream in = StripeReportTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<StripeRow> read(String csv, String name) {
        List<StripeRow> rows = new ArrayList<>();
        try (StripeReportReader reader = new StripeReportReader(new StringReader(csv), name)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    static String write(List<StripeRow> rows) {
        StringWriter out = new StringWriter();
        try (StripeReportWriter writer = new StripeReportWriter(out, "out.csv")) {
            rows.forEach(writer::write);
        }
        return out.toString();
    }

    static InspectionReport inspect(String resource) {
        return new StripeInspector().inspect(new ByteArrayInputStream(bytes(resource)), resource);
    }

    private static final CurrencyUnit USD = CurrencyUnit.USD;

    @Test
    void reads_the_itemized_fixture_with_lower_case_currency_and_major_unit_amounts() {
        List<StripeRow> rows = read(new String(bytes(ITEMIZED), StandardCharsets.UTF_8), ITEMIZED);

        assertThat(rows).hasSize(8);
        StripeRow first = rows.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.balanceTransactionId()).isEqualTo("txn_3OfSettle0001");
        assertThat(first.currency()).isEqualTo(USD);
        assertThat(first.gross()).isEqualTo(Money.ofMinor(10_000, USD));
        assertThat(first.fee()).isEqualTo(Money.ofMinor(320, USD));
        assertThat(first.net()).isEqualTo(Money.ofMinor(9_680, USD));
        assertThat(first.createdUtc()).isEqualTo(Instant.parse("2024-01-29T18:22:05Z"));
        assertThat(first.created()).isEqualTo(LocalDateTime.parse("2024-01-29T10:22:05"));
        assertThat(first.automaticPayoutId()).isEqualTo("po_1OfSettleX1");
        assertThat(first.automaticPayoutEffectiveAtUtc()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(first.reportingCategory()).isEqualTo(ReportingCategory.CHARGE);
        assertThat(rows.get(1).customerFacingAmount()).isEqualTo(Money.ofMinor(5_000, CurrencyUnit.EUR));
        assertThat(rows.get(4).reportingCategory()).isEqualTo(ReportingCategory.DISPUTE_REVERSAL);
        assertThat(rows.get(7).description()).isEqualTo("Order 1003, gift wrap \"deluxe\"");
        assertThat(rows).allSatisfy(r -> assertThat(r.parseViolations()).isEmpty());
    }

    @Test
    void the_itemized_fixture_validates_clean_with_its_totals() {
        InspectionReport report = inspect(ITEMIZED);

        assertThat(report.violations()).isEmpty();
        assertThat(report.recordCounts()).containsExactly(Map.entry("charge", 3L), Map.entry("refund", 1L),
                Map.entry("dispute", 1L), Map.entry("dispute_reversal", 1L), Map.entry("fee", 1L),
                Map.entry("adjustment", 1L));
        assertThat(report.controlTotals()).containsExactly(
                Map.entry("gross USD", Money.ofMinor(14_494, USD)),
                Map.entry("fee USD", Money.ofMinor(576, USD)),
                Map.entry("net USD", Money.ofMinor(13_918, USD)));
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @CsvSource({
            "2, STRIPE_NET_MISMATCH,     net,                    9.40",
            "3, STRIPE_UNKNOWN_CURRENCY, currency,               usdx",
            "4, STRIPE_SCALE_TOO_FINE,   gross,                  10.001",
            "5, STRIPE_BAD_DATE,         created_utc,            2024-13-01 00:00:00",
            "6, STRIPE_UNKNOWN_CATEGORY, reporting_category,     charge_v2",
            "7, STRIPE_EMPTY_ID,         balance_transaction_id, ''",
            "8, STRIPE_BAD_AMOUNT,       gross,                  '1,000.00'"})
    void the_violations_fixture_reports_each_broken_row(long line, StripeViolation code, String field, String raw) {
        List<Violation> violations = inspect(VIOLATIONS).violations();

        assertThat(violations).filteredOn(v -> v.line() == line).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(code);
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.rawValue()).isEqualTo(raw);
        });
    }

    @Test
    void the_violations_fixture_has_one_violation_per_broken_row_and_a_clean_jpy_row() {
        InspectionReport report = inspect(VIOLATIONS);
        assertThat(report.violations()).hasSize(7);
        assertThat(report.controlTotals()).containsEntry("net JPY", Money.ofMinor(485, CurrencyUnit.JPY));
    }

    @Test
    void a_missing_fee_column_is_a_format_exception_naming_it() {
        assertThatThrownBy(() -> inspect("/fixtures/gateway/stripe-missing-fee-column.csv"))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo(StripeViolation.STRIPE_MISSING_COLUMN);
                    assertThat(e.violation().field()).isEqualTo("fee");
                });
    }

    @Test
    void read_write_read_gives_the_same_rows_and_the_written_file_is_a_fixed_point() {
        List<StripeRow> original = read(new String(bytes(ITEMIZED), StandardCharsets.UTF_8), ITEMIZED);
        String written = write(original);
        List<StripeRow> again = read(written, "again.csv");

        assertThat(again).isEqualTo(original);
        assertThat(write(again)).isEqualTo(written);
    }

    @Test
    void writes_the_itemized_fixture_rows_exactly_as_the_golden_file() throws IOException {
        List<StripeRow> original = read(new String(bytes(ITEMIZED), StandardCharsets.UTF_8), ITEMIZED);
        assertGolden("stripe/itemized-payout-recon.written.csv", write(original));
    }

    @Test
    void the_emulator_writes_the_golden_file_for_seed_42_and_it_validates_clean() throws IOException {
        StringWriter out = new StringWriter();
        StripeReportEmulator.write(out, 10, 4, 42);
        assertGolden("stripe/emulated-10-rows.csv", out.toString());

        StringWriter big = new StringWriter();
        StripeReportEmulator.write(big, 5_000, 1_000, 3);
        InspectionReport report = new StripeInspector().inspect(
                new ByteArrayInputStream(big.toString().getBytes(StandardCharsets.UTF_8)), "emulated.csv");
        assertThat(report.violations()).isEmpty();
        assertThat(report.recordCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5_000);
    }

    @Test
    void the_writer_refuses_a_row_whose_gross_minus_fee_is_not_its_net() {
        StripeRow row = read(new String(bytes(ITEMIZED), StandardCharsets.UTF_8), ITEMIZED).get(0);
        StripeRow broken = new StripeRow(row.line(), row.balanceTransactionId(), row.createdUtc(), row.created(),
                row.availableOnUtc(), row.currency(), row.gross(), row.fee(), Money.ofMinor(9_681, USD),
                row.reportingCategory(), row.categoryText(), row.sourceId(), row.description(),
                row.customerFacingAmount(), row.chargeId(), row.paymentIntentId(), row.automaticPayoutId(),
                row.automaticPayoutEffectiveAtUtc(), List.of());
        StripeReportWriter writer = new StripeReportWriter(new StringWriter(), "out.csv");

        assertThatThrownBy(() -> writer.write(broken)).isInstanceOfSatisfying(FormatException.class, e -> {
            assertThat(e.violation().code()).isEqualTo(StripeViolation.STRIPE_INCONSISTENT_ROW);
            assertThat(e.violation().field()).isEqualTo("net");
        });
    }

    @Test
    void the_inspector_recognises_a_stripe_header() {
        assertThat(new StripeInspector().looksLike(bytes(ITEMIZED), "x.csv")).isTrue();
        assertThat(new StripeInspector().looksLike("a,b\n".getBytes(StandardCharsets.UTF_8), "x.csv")).isFalse();
    }

    static void assertGolden(String name, String actual) throws IOException {
        InputStream in = StripeReportTest.class.getResourceAsStream("/golden/" + name);
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
}
