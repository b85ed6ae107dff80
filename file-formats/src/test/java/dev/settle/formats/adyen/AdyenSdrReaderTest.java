package dev.settle.formats.adyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdyenSdrReaderTest {

    private static final String CLASSIC = "/fixtures/gateway/adyen-sdr-classic-two-batches.csv";
    private static final String NEWER = "/fixtures/gateway/adyen-sdr-newer-layout.csv";
    private static final String VIOLATIONS = "/fixtures/gateway/adyen-sdr-violations.csv";

    private static InspectionReport inspect(String resource) {
        return new AdyenInspector().inspect(new ByteArrayInputStream(AdyenFixtures.bytes(resource)), resource);
    }

    @Test
    void reads_the_classic_30_column_fixture_into_typed_rows() {
        List<SdrLine> rows = AdyenFixtures.readAll(CLASSIC);

        assertThat(rows).hasSize(10);
        SdrLine first = rows.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.type()).isEqualTo(SdrRecordType.SETTLED);
        assertThat(first.pspReference()).isEqualTo("8815000000000001");
        assertThat(first.merchantReference()).isEqualTo("order-1001");
        assertThat(first.creationDate()).isEqualTo(Instant.parse("2024-01-31T09:15:00Z")); // CET = +01:00
        assertThat(first.gross()).isEqualTo(Money.ofMinor(10_000, CurrencyUnit.EUR));
        assertThat(first.net()).isEqualTo(Money.ofMinor(9_820, CurrencyUnit.EUR));
        assertThat(first.commission()).isEqualTo(Money.ofMinor(180, CurrencyUnit.EUR));
        assertThat(first.markup()).isEqualTo(Money.ofMinor(30, CurrencyUnit.EUR));
        assertThat(first.schemeFees()).isEqualTo(Money.ofMinor(20, CurrencyUnit.EUR));
        assertThat(first.interchange()).isEqualTo(Money.ofMinor(130, CurrencyUnit.EUR));
        assertThat(first.batchNumber()).isEqualTo(17);
        assertThat(first.paymentMethodVariant()).isEqualTo("visaclassic");

        SdrLine crossCurrency = rows.get(1);
        assertThat(crossCurrency.gross()).isEqualTo(Money.ofMinor(5_000, CurrencyUnit.USD));
        assertThat(crossCurrency.exchangeRate()).isEqualByComparingTo(new BigDecimal("0.92"));
        assertThat(crossCurrency.net()).isEqualTo(Money.ofMinor(4_516, CurrencyUnit.EUR));

        SdrLine refund = rows.get(2);
        assertThat(refund.gross()).isEqualTo(Money.ofMinor(-2_000, CurrencyUnit.EUR)); // credit − debit
        assertThat(refund.modificationMerchantReference()).isEqualTo("refund-0998");

        SdrLine fee = rows.get(4);
        assertThat(fee.type()).isEqualTo(SdrRecordType.FEE);
        assertThat(fee.gross()).isNull();
        assertThat(fee.grossCurrency()).isNull();
        assertThat(fee.net()).isEqualTo(Money.ofMinor(-150, CurrencyUnit.EUR));
        assertThat(fee.commission()).isEqualTo(Money.zero(CurrencyUnit.EUR)); // empty cell is zero

        assertThat(rows.get(6).gross()).isEqualTo(Money.ofMinor(5_000, CurrencyUnit.JPY));
        assertThat(rows).allSatisfy(r -> assertThat(r.parseViolations()).isEmpty());
    }

    @Test
    void the_classic_fixture_validates_clean_and_its_payouts_offset_their_batches() {
        InspectionReport report = inspect(CLASSIC);

        assertThat(report.violations()).isEmpty();
        assertThat(report.recordCounts()).containsExactly(Map.entry("Settled", 4L), Map.entry("Refunded", 1L),
                Map.entry("Chargeback", 1L), Map.entry("Fee", 1L), Map.entry("MiscCosts", 1L),
                Map.entry("MerchantPayout", 2L));
        assertThat(report.controlTotals())
                .containsEntry("batch 17 net EUR", Money.zero(CurrencyUnit.EUR))
                .containsEntry("batch 17 net JPY", Money.zero(CurrencyUnit.JPY))
                .containsEntry("batch 18 net EUR", Money.ofMinor(980, CurrencyUnit.EUR))
                .containsEntry("net EUR", Money.ofMinor(980, CurrencyUnit.EUR))
                .containsEntry("gross USD", Money.ofMinor(5_000, CurrencyUnit.USD))
                .containsEntry("gross EUR", Money.ofMinor(10_000 - 2_000 - 3_000 + 1_000, CurrencyUnit.EUR));
    }

    @Test
    void reads_a_reordered_newer_layout_with_booking_dates_and_ignores_unknown_columns() {
        List<SdrLine> rows = AdyenFixtures.readAll(NEWER);

        assertThat(rows).hasSize(5);
        SdrLine pst = rows.get(0);
        assertThat(pst.creationDate()).isEqualTo(Instant.parse("2024-03-10T09:30:00Z")); // PST = −08:00, fixed
        assertThat(pst.bookingDate()).isEqualTo(Instant.parse("2024-03-11T08:00:00Z")); // Amsterdam in winter
        assertThat(pst.merchantAccount()).isEqualTo("SettleShopEU");
        assertThat(pst.batchNumber()).isEqualTo(3);
        assertThat(rows.get(1).type()).isEqualTo(SdrRecordType.REFUNDED_EXTERNALLY);
        // 02:30 on 2024-03-31 does not exist in Amsterdam (spring gap): moved forward to 03:30 CEST.
        assertThat(rows.get(2).creationDate()).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
        assertThat(rows.get(2).gross()).isEqualTo(Money.ofMinor(8_000, CurrencyUnit.EUR));
        assertThat(rows.get(2).net()).isEqualTo(Money.ofMinor(8_410, CurrencyUnit.USD));
        assertThat(rows.get(3).type()).isEqualTo(SdrRecordType.BALANCETRANSFER);

        InspectionReport report = inspect(NEWER);
        assertThat(report.violations()).isEmpty();
        assertThat(report.controlTotals()).containsEntry("batch 3 net USD", Money.zero(CurrencyUnit.USD));
    }

    @ParameterizedTest(name = "line {0}: {1} on {2}")
    @CsvSource({
            "2,  ADYEN_BAD_AMOUNT,          Gross Credit (GC), '12,50'",
            "3,  ADYEN_DEBIT_AND_CREDIT,    Net Credit (NC),   1.00 / 9.00",
            "4,  ADYEN_UNKNOWN_TYPE,        Type,              SettledInstallment",
            "5,  ADYEN_UNKNOWN_CURRENCY,    Gross Currency,    EURO",
            "6,  ADYEN_SCALE_TOO_FINE,      Gross Credit (GC), 100.5",
            "7,  ADYEN_BAD_DATE,            Creation Date,     2024-02-30 10:00:00",
            "8,  ADYEN_EMPTY_PSP_REFERENCE, Psp Reference,     ''",
            "9,  ADYEN_UNKNOWN_TIME_ZONE,   TimeZone,          Mars/Olympus",
            "10, ADYEN_PAYOUT_MISMATCH,     Net Debit (NC),    -40.00",
    })
    void the_violations_fixture_reports_each_broken_row_with_its_code_column_and_raw_value(
            long line, AdyenViolation code, String column, String raw) {
        List<Violation> violations = inspect(VIOLATIONS).violations();

        assertThat(violations).filteredOn(v -> v.line() == line)
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.code()).isEqualTo(code);
                    assertThat(v.field()).isEqualTo(column);
                    assertThat(v.rawValue()).isEqualTo(raw);
                    assertThat(v.file()).isEqualTo(VIOLATIONS);
                });
    }

    @Test
    void the_violations_fixture_has_exactly_one_violation_per_broken_row() {
        assertThat(inspect(VIOLATIONS).violations()).hasSize(9);
    }

    @Test
    void a_missing_required_column_is_a_format_exception_naming_it() {
        assertThatThrownBy(() -> inspect("/fixtures/gateway/adyen-sdr-missing-net-currency.csv"))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo(AdyenViolation.ADYEN_MISSING_COLUMN);
                    assertThat(e.violation().field()).isEqualTo("Net Currency");
                    assertThat(e.violation().line()).isEqualTo(1);
                });
    }

    @Test
    void an_unclosed_quote_is_a_malformed_csv_at_the_line_where_the_record_starts() {
        assertThatThrownBy(() -> inspect("/fixtures/gateway/adyen-sdr-unclosed-quote.csv"))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo(AdyenViolation.ADYEN_MALFORMED_CSV);
                    assertThat(e.violation().line()).isEqualTo(3);
                });
    }

    @Test
    void an_empty_file_has_no_header() {
        assertThatThrownBy(() -> new AdyenSdrReader(new StringReader(""), "empty.csv"))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.violation().code()).isEqualTo(AdyenViolation.ADYEN_EMPTY_FILE));
    }

    @Test
    void a_short_row_reads_missing_cells_as_empty_and_says_so_once() {
        String csv = String.join(",", SdrLayout.CLASSIC.headers()) + "\n"
                + "C,M,8815000000000001,r,visa,2024-01-31 10:00:00,CET,Settled,m,EUR,,1.00,1,EUR,,1.00,0.00\n";
        try (AdyenSdrReader reader = new AdyenSdrReader(new StringReader(csv), "short.csv")) {
            SdrLine row = reader.next();
            assertThat(row.parseViolations()).extracting(Violation::code)
                    .containsExactly(AdyenViolation.ADYEN_SHORT_ROW, AdyenViolation.ADYEN_BAD_BATCH_NUMBER);
            assertThat(row.net()).isEqualTo(Money.ofMinor(100, CurrencyUnit.EUR));
        }
    }

    @Test
    void blank_lines_are_skipped_but_counted_and_a_bom_is_ignored() {
        String csv = "\uFEFF" + String.join(",", SdrLayout.CLASSIC.headers()) + "\r\n\r\n"
                + "C,M,8815000000000001,r,visa,2024-01-31 10:00:00,UTC,Settled,m,EUR,,1.00,1,EUR,,1.00,0.00,,,,,,9\r\n";
        try (AdyenSdrReader reader = AdyenSdrReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "b.csv")) {
            SdrLine row = reader.next();
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.parseViolations()).isEmpty();
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "Settled, SETTLED", "SettledBulk, SETTLED_BULK", "Refunded, REFUNDED", "RefundedBulk, REFUNDED_BULK",
            "RefundedExternally, REFUNDED_EXTERNALLY", "Chargeback, CHARGEBACK",
            "ChargebackExternally, CHARGEBACK_EXTERNALLY", "SecondChargeback, SECOND_CHARGEBACK",
            "ChargebackReversed, CHARGEBACK_REVERSED",
            "ChargebackReversedExternally, CHARGEBACK_REVERSED_EXTERNALLY", "RefundedReversed, REFUNDED_REVERSED",
            "RefundNotCleared, REFUND_NOT_CLEARED", "Fee, FEE", "MiscCosts, MISC_COSTS",
            "MerchantPayout, MERCHANT_PAYOUT", "Balancetransfer, BALANCETRANSFER",
            "DepositCorrection, DEPOSIT_CORRECTION", "InvoiceDeduction, INVOICE_DEDUCTION",
            "PaymentCost, PAYMENT_COST", "ReserveAdjustment, RESERVE_ADJUSTMENT",
            "MatchedStatement, MATCHED_STATEMENT", "ManualCorrected, MANUAL_CORRECTED",
            "AdvancementCommissionExternally, ADVANCEMENT_COMMISSION_EXTERNALLY",
            "settled, UNKNOWN", "BalanceTransfer, UNKNOWN", "'', UNKNOWN"})
    void maps_every_documented_type_text_and_nothing_else(String text, SdrRecordType expected) {
        assertThat(SdrRecordType.fromText(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "CET,              2024-07-01T09:00:00Z",
            "CEST,             2024-07-01T08:00:00Z",
            "Europe/Amsterdam, 2024-07-01T08:00:00Z",
            "PST,              2024-07-01T18:00:00Z",
            "PDT,              2024-07-01T17:00:00Z",
            "UTC,              2024-07-01T10:00:00Z",
            "GMT,              2024-07-01T10:00:00Z",
            "+05:30,           2024-07-01T04:30:00Z",
            "GMT+02:00,        2024-07-01T08:00:00Z",
            "IST,              2024-07-01T04:30:00Z"})
    void converts_local_creation_dates_by_the_documented_zone_mapping(String zone, Instant expected) {
        String csv = String.join(",", SdrLayout.CLASSIC.headers()) + "\n"
                + "C,M,8815000000000001,r,visa,2024-07-01 10:00:00," + zone + ",Settled,m,EUR,,1.00,1,EUR,,1.00,0.00,,,,,,9\n";
        try (AdyenSdrReader reader = new AdyenSdrReader(new StringReader(csv), "tz.csv")) {
            assertThat(reader.next().creationDate()).isEqualTo(expected);
        }
    }
}
