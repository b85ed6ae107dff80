package dev.settle.formats.pain001;

import static dev.settle.formats.camt.IsoFixtures.fixture;
import static dev.settle.formats.camt.IsoFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.formats.camt.IsoFixtures;
import dev.settle.money.Money;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class Pain001Test {

    static List<Pain001Record> readAll(byte[] bytes) {
        List<Pain001Record> out = new ArrayList<>();
        try (Pain001Reader r = Pain001Reader.open(stream(bytes), "t.xml")) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    static <T> List<T> only(List<Pain001Record> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<String> codes(List<Violation> v) {
        return v.stream().map(x -> x.code().code()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pain.001.001.03-international-rub.xml        | 1 | 1 | RUB 1000.00           | PAIN001_BAD_IBAN
            pain.001.001.03-international-usd.xml        | 1 | 1 | USD 111.11            | PAIN001_BAD_IBAN
            pain.001.001.03-multi-currency-3tx.xml       | 1 | 3 | EUR 500000.00 JPY 10000000 USD 1000000.00 |
            pain.001.001.03-sepa-king-example.xml        | 1 | 2 | EUR 6655.86           |
            pain.001.001.03-sepa-multiple-pmtinf.xml     | 2 | 2 | EUR 20.00             | PAIN001_BAD_IBAN PAIN001_BAD_IBAN PAIN001_BAD_IBAN PAIN001_GROUP_NB_OF_TXS_MISMATCH PAIN001_GROUP_CTRL_SUM_MISMATCH
            pain.001.001.03-us-ach-credit.xml            | 1 | 1 | USD 0.01              | PAIN001_UNEXPECTED_TEXT
            pain.001.001.09-pain001-template-sample.xml  | 1 | 5 | EUR 1100.00           | PAIN001_BAD_IBAN PAIN001_BAD_IBAN PAIN001_BAD_IBAN PAIN001_BAD_IBAN PAIN001_BAD_IBAN PAIN001_BAD_IBAN PAIN001_GROUP_NB_OF_TXS_MISMATCH
            pain.001.001.09-sepa-rator-example.xml       | 1 | 1 | EUR 102.50            |
            pain.001.001.09-xsd-generated-edge-cases.xml | 2 | 2 | ''                    | PAIN001_UNKNOWN_CURRENCY PAIN001_UNKNOWN_CURRENCY PAIN001_BAD_IBAN PAIN001_GROUP_NB_OF_TXS_MISMATCH
            """)
    void every_fixture_reads_with_its_real_counts_totals_and_exactly_its_violations(
            String file, long paymentInfos, long transfers, String totals, String expectedCodes) {
        InspectionReport report = new Pain001Inspector().inspect(stream(fixture("pain001/" + file)), file);

        assertThat(report.recordCounts()).containsEntry("payment infos", paymentInfos)
                .containsEntry("transfers", transfers);
        List<String> expectedTotals = new ArrayList<>();
        String[] parts = totals.isEmpty() ? new String[0] : totals.split(" ");
        for (int i = 0; i < parts.length; i += 2) {
            expectedTotals.add("instructed " + parts[i] + "=" + parts[i + 1] + " " + parts[i]);
        }
        assertThat(report.controlTotals().entrySet()).extracting(Object::toString)
                .containsExactlyElementsOf(expectedTotals);
        List<String> expected = expectedCodes == null ? List.of() : Arrays.asList(expectedCodes.split(" "));
        assertThat(codes(report.violations())).containsExactlyElementsOf(expected);
        assertThat(codes(Pain001Validator.validate(stream(fixture("pain001/" + file)), file)))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void multi_currency_ctrlsum_adds_amounts_irrespective_of_currency_and_matches() {
        List<Pain001Record> records = readAll(fixture("pain001/pain.001.001.03-multi-currency-3tx.xml"));

        Pain001GroupHeader header = only(records, Pain001GroupHeader.class).get(0);
        assertThat(header.controlSum()).isEqualTo("11500000");
        assertThat(header.initiatingPartyName()).isEqualTo("ABC Corporation");
        List<Pain001CreditTransfer> t = only(records, Pain001CreditTransfer.class);
        assertThat(t).extracting(Pain001CreditTransfer::amount).containsExactly(Money.parse("10000000 JPY"),
                Money.parse("500000.00 EUR"), Money.parse("1000000.00 USD"));
        assertThat(Pain001Writer.totals(t).controlSum()).isEqualByComparingTo("11500000");
        assertThat(t.get(0).endToEndId()).isEqualTo("ABC/4562/2009-09-08");
        assertThat(t.get(0).creditorName()).isEqualTo("DEF Electronics");
        Pain001PaymentInfo p = only(records, Pain001PaymentInfo.class).get(0);
        assertThat(p.debtorOtherId()).isEqualTo("00125574999");
        assertThat(p.debtorBic()).isEqualTo("BBBBUS33");
        assertThat(p.requestedExecutionDate()).isEqualTo(LocalDate.of(2009, 9, 29));
    }

    @Test
    void header_mismatches_name_the_declared_value_and_the_real_one() {
        List<Violation> v = Pain001Validator.validate(
                stream(fixture("pain001/pain.001.001.03-sepa-multiple-pmtinf.xml")), "s.xml");

        assertThat(v).filteredOn(x -> x.code() == Pain001Violation.PAIN001_GROUP_CTRL_SUM_MISMATCH).singleElement()
                .satisfies(x -> {
                    assertThat(x.rawValue()).isEqualTo("10.00");
                    assertThat(x.message()).endsWith("sum to 20.00");
                    assertThat(x.xmlPath()).isEqualTo("/Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum");
                });
    }

    @Test
    void us_ach_credit_with_no_break_space_indentation_is_read_fully_and_flagged_once() {
        byte[] bytes = fixture("pain001/pain.001.001.03-us-ach-credit.xml");

        List<Pain001CreditTransfer> t = only(readAll(bytes), Pain001CreditTransfer.class);

        assertThat(t).singleElement().satisfies(x -> assertThat(x.amount()).isEqualTo(Money.parse("0.01 USD")));
        assertThat(Pain001Validator.validate(stream(bytes), "us.xml")).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(Pain001Violation.PAIN001_UNEXPECTED_TEXT);
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.message()).startsWith("112 element(s)");
        });
        assertThat(IsoFixtures.xsdErrors(bytes, "pain.001.001.03.xsd")).isNotEmpty();
    }

    @Test
    void truncated_pain001_is_a_format_exception() {
        byte[] bytes = fixture("pain001/pain.001.001.03-sepa-king-example.xml");

        assertThatThrownBy(() -> readAll(Arrays.copyOf(bytes, 1200))).isInstanceOfSatisfying(FormatException.class,
                e -> assertThat(e.violation().code()).isEqualTo(Pain001Violation.PAIN001_MALFORMED_XML));
    }

    // ---- writer

    static List<Pain001Writer.Payment> payouts() {
        return List.of(
                new Pain001Writer.Payment("PAYOUT-2024-01-31-EUR", "Settle Merchant Services BV", "NL91ABNA0417164300",
                        "ABNANL2A", LocalDate.of(2024, 2, 1), List.of(
                                Pain001CreditTransfer.of("PO-1001", Money.parse("1250.10 EUR"), "Bakkerij de Vries",
                                        "DE89370400440532013000", "COBADEFFXXX", "Payout 2024-01-31 batch 7"),
                                Pain001CreditTransfer.of("PO-1002", Money.parse("0.90 EUR"), "Café Noord",
                                        "NL91ABNA0417164300", null, null))),
                new Pain001Writer.Payment("PAYOUT-2024-01-31-JPY", "Settle Merchant Services BV", "NL91ABNA0417164300",
                        null, LocalDate.of(2024, 2, 1), List.of(
                                Pain001CreditTransfer.of("PO-1003", Money.parse("5000 JPY"), "Tokyo Ramen KK",
                                        "DE89370400440532013000", null, "Payout"))));
    }

    static Pain001Writer.Header header() {
        return new Pain001Writer.Header("SETTLE-PO-20240131-1", "2024-01-31T18:00:00", "Settle Merchant Services BV");
    }

    @ParameterizedTest
    @EnumSource(Pain001Message.class)
    void writes_exact_totals_matching_the_golden_file_and_the_official_schema(Pain001Message version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pain001Writer.ControlTotals totals = new Pain001Writer(version).write(out, header(), payouts());

        assertThat(totals.numberOfTransactions()).isEqualTo(3);
        assertThat(totals.controlSum()).isEqualByComparingTo(new BigDecimal("6251.00"));
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo(IsoFixtures.golden("pain001/payouts-" + version.id() + ".xml", xml));
        assertThat(IsoFixtures.xsdErrors(out.toByteArray(), version.id() + ".xsd")).isEmpty();
        assertThat(Pain001Validator.validate(stream(out.toByteArray()), "w.xml")).isEmpty();
    }

    private static final RecursiveComparisonConfiguration IGNORE_LOCATIONS = RecursiveComparisonConfiguration.builder()
            .withIgnoredFieldsMatchingRegexes(".*location", "paymentInfoIndex").build();

    @ParameterizedTest
    @EnumSource(Pain001Message.class)
    void what_is_written_reads_back_as_the_same_transfers_and_payment_infos(Pain001Message version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Pain001Writer(version).write(out, header(), payouts());

        List<Pain001Record> back = readAll(out.toByteArray());

        List<Pain001CreditTransfer> expected = payouts().stream().flatMap(p -> p.transfers().stream()).toList();
        assertThat(only(back, Pain001CreditTransfer.class)).usingRecursiveFieldByFieldElementComparator(IGNORE_LOCATIONS)
                .containsExactlyElementsOf(expected);
        assertThat(only(back, Pain001PaymentInfo.class)).extracting(Pain001PaymentInfo::paymentInfoId,
                Pain001PaymentInfo::numberOfTransactions, Pain001PaymentInfo::controlSum, Pain001PaymentInfo::debtorIban)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PAYOUT-2024-01-31-EUR", "2", "1251.00", "NL91ABNA0417164300"),
                        org.assertj.core.groups.Tuple.tuple("PAYOUT-2024-01-31-JPY", "1", "5000", "NL91ABNA0417164300"));
        Pain001GroupHeader h = only(back, Pain001GroupHeader.class).get(0);
        assertThat(h.numberOfTransactions()).isEqualTo("3");
        assertThat(h.controlSum()).isEqualTo("6251.00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            endToEndId   | 123456789012345678901234567890123456 | PmtInf[1]/CdtTrfTxInf[1]/PmtId/EndToEndId | 35
            creditorName | NAME141                              | PmtInf[1]/CdtTrfTxInf[1]/Cdtr/Nm          | 140
            remittance   | NAME141                              | PmtInf[1]/CdtTrfTxInf[1]/RmtInf/Ustrd     | 140
            creditorIban | DE89370400440532013001               | PmtInf[1]/CdtTrfTxInf[1]/CdtrAcct/Id/IBAN | 0
            creditorBic  | COBADEF                              | PmtInf[1]/CdtTrfTxInf[1]/CdtrAgt/FinInstnId | 0
            amount       | 0.00                                 | PmtInf[1]/CdtTrfTxInf[1]/Amt/InstdAmt     | 0
            """)
    void refuses_a_field_beyond_its_limit_before_writing_anything(String field, String value, String path, int limit) {
        String v = value.equals("NAME141") ? "x".repeat(141) : value;
        Pain001CreditTransfer t = switch (field) {
            case "endToEndId" -> Pain001CreditTransfer.of(v, Money.parse("1.00 EUR"), "A", "DE89370400440532013000", null, null);
            case "creditorName" -> Pain001CreditTransfer.of("E", Money.parse("1.00 EUR"), v, "DE89370400440532013000", null, null);
            case "remittance" -> Pain001CreditTransfer.of("E", Money.parse("1.00 EUR"), "A", "DE89370400440532013000", null, v);
            case "creditorIban" -> Pain001CreditTransfer.of("E", Money.parse("1.00 EUR"), "A", v, null, null);
            case "creditorBic" -> Pain001CreditTransfer.of("E", Money.parse("1.00 EUR"), "A", "DE89370400440532013000", v, null);
            default -> Pain001CreditTransfer.of("E", Money.parse(v + " EUR"), "A", "DE89370400440532013000", null, null);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Pain001Writer.Payment> payments = List.of(new Pain001Writer.Payment("P", "D", "NL91ABNA0417164300", null,
                LocalDate.of(2024, 2, 1), List.of(t)));

        assertThatThrownBy(() -> new Pain001Writer(Pain001Message.PAIN001_001_03).write(out, header(), payments))
                .isInstanceOfSatisfying(Pain001FieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(path);
                    assertThat(e.limit()).isEqualTo(limit);
                });
        assertThat(out.size()).isZero();
    }

    @Test
    void iban_check_digits_follow_iso_13616() {
        assertThat(Iban.isValid("DE89370400440532013000")).isTrue();
        assertThat(Iban.isValid("NL91ABNA0417164300")).isTrue();
        assertThat(Iban.isValid("DE89370400440532013001")).isFalse();
        assertThat(Iban.isValid("LT007180000000000000")).isFalse();
        assertThat(Iban.isValid("de89370400440532013000")).isFalse();
    }
}
