package dev.settle.formats.pain002;

import static dev.settle.formats.camt.IsoFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.formats.camt.IsoFixtures;
import dev.settle.formats.camt.XmlLocation;
import dev.settle.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No public pain.002 sample with a usable licence exists, so the fixture is our own: the writer
 * emulates a bank answering payout message SETTLE-PO-20240131-1, and the golden files under
 * golden/pain002 are both the writer's expected output and the reader's fixture.
 */
class Pain002Test {

    static final List<Pain002TransactionStatus> STATUSES = List.of(
            tx("PO-1001", "ACSC", List.of(), Money.parse("1250.10 EUR")),
            tx("PO-1002", "RJCT", List.of(Pain002StatusReason.of("AC01", "Format of the account number is invalid")),
                    Money.parse("0.90 EUR")),
            tx("PO-1003", "RJCT", List.of(Pain002StatusReason.of("AM04")), Money.parse("5000 JPY")),
            tx("PO-1004", "ACCP", List.of(), null));

    static Pain002TransactionStatus tx(String e2e, String status, List<Pain002StatusReason> reasons, Money amount) {
        return new Pain002TransactionStatus(1, "STS-" + e2e, null, e2e, status, reasons, amount, XmlLocation.NONE);
    }

    static byte[] bankReport(Pain002Message version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Pain002Writer w = new Pain002Writer(out, version, "BANK-STS-0001", "2024-02-01T09:00:00",
                "SETTLE-PO-20240131-1", "pain.001.001.03", "PART", List.of())) {
            w.startPaymentInfo("PAYOUT-2024-01-31-EUR", "PART", List.of());
            STATUSES.forEach(w::writeTransaction);
            w.endPaymentInfo();
        }
        return out.toByteArray();
    }

    static List<Pain002Record> readAll(byte[] bytes) {
        List<Pain002Record> out = new ArrayList<>();
        try (Pain002Reader r = Pain002Reader.open(stream(bytes), "sts.xml")) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    private static final RecursiveComparisonConfiguration IGNORE_LOCATIONS = RecursiveComparisonConfiguration.builder()
            .withIgnoredFieldsMatchingRegexes(".*location").build();

    @ParameterizedTest
    @EnumSource(Pain002Message.class)
    void the_emulated_bank_report_matches_its_golden_file_and_reads_back_as_written(Pain002Message version) {
        byte[] xml = bankReport(version);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(IsoFixtures.golden("pain002/bank-status-" + version.id() + ".xml", text));

        List<Pain002Record> records = readAll(IsoFixtures.read("golden/pain002/bank-status-" + version.id() + ".xml"));

        Pain002GroupStatus group = (Pain002GroupStatus) records.get(0);
        assertThat(group.message()).isEqualTo(version);
        assertThat(group.originalMessageId()).isEqualTo("SETTLE-PO-20240131-1");
        assertThat(group.originalMessageNameId()).isEqualTo("pain.001.001.03");
        assertThat(group.groupStatus()).isEqualTo("PART");
        Pain002PaymentInfoStatus pmtInf = (Pain002PaymentInfoStatus) records.get(1);
        assertThat(pmtInf.originalPaymentInfoId()).isEqualTo("PAYOUT-2024-01-31-EUR");
        assertThat(records.subList(2, records.size())).usingRecursiveFieldByFieldElementComparator(IGNORE_LOCATIONS)
                .containsExactlyElementsOf(STATUSES);
        assertThat(Pain002Validator.validate(stream(xml), "sts.xml")).isEmpty();
    }

    @Test
    void rejections_carry_their_reason_codes_and_the_inspector_counts_them() {
        InspectionReport report = new Pain002Inspector().inspect(stream(bankReport(Pain002Message.PAIN002_001_03)),
                "sts.xml");

        assertThat(report.recordCounts()).containsEntry("payment infos", 1L).containsEntry("transactions", 4L)
                .containsEntry("status RJCT", 2L).containsEntry("status ACSC", 1L).containsEntry("status ACCP", 1L);
        assertThat(report.controlTotals()).containsEntry("rejected EUR", Money.parse("0.90 EUR"))
                .containsEntry("rejected JPY", Money.parse("5000 JPY"));
        assertThat(report.valid()).isTrue();
        List<Pain002TransactionStatus> rejected = readAll(bankReport(Pain002Message.PAIN002_001_10)).stream()
                .filter(r -> r instanceof Pain002TransactionStatus t && t.rejected())
                .map(Pain002TransactionStatus.class::cast).toList();
        assertThat(rejected).extracting(Pain002TransactionStatus::originalEndToEndId,
                Pain002TransactionStatus::reasonCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PO-1002", "AC01"),
                org.assertj.core.groups.Tuple.tuple("PO-1003", "AM04"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            <TxSts>ACSC</TxSts>                        | <TxSts>DONE</TxSts>     | PAIN002_UNKNOWN_STATUS
            <Rsn>\\n            <Cd>AM04</Cd>\\n          </Rsn> | ''            | PAIN002_REJECTION_WITHOUT_REASON
            <OrgnlEndToEndId>PO-1004</OrgnlEndToEndId> | ''                      | PAIN002_MISSING_FIELD
            <OrgnlMsgId>SETTLE-PO-20240131-1</OrgnlMsgId> | ''                   | PAIN002_MISSING_FIELD
            <InstdAmt Ccy="EUR">0.90</InstdAmt>        | <InstdAmt Ccy="EUR">0.901</InstdAmt> | PAIN002_AMOUNT_SCALE_EXCEEDS_CURRENCY
            <InstdAmt Ccy="EUR">0.90</InstdAmt>        | <InstdAmt Ccy="XEU">0.90</InstdAmt> | PAIN002_UNKNOWN_CURRENCY
            """)
    void a_bank_report_breaking_a_rule_gives_its_specific_code(String good, String bad, String code) {
        String xml = new String(bankReport(Pain002Message.PAIN002_001_03), StandardCharsets.UTF_8);
        String target = good.replace("\\n", "\n");
        assertThat(xml).contains(target);

        List<Violation> v = Pain002Validator.validate(
                stream(xml.replace(target, bad).getBytes(StandardCharsets.UTF_8)), "bad.xml");

        assertThat(v).extracting(x -> x.code().code()).containsExactly(code);
    }

    @Test
    void a_truncated_report_is_a_format_exception() {
        byte[] xml = bankReport(Pain002Message.PAIN002_001_03);

        assertThatThrownBy(() -> readAll(Arrays.copyOf(xml, xml.length - 40)))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.violation().code()).isEqualTo(Pain002Violation.PAIN002_MALFORMED_XML));
    }

    @Test
    void the_writer_refuses_an_end_to_end_id_longer_than_max35() {
        Pain002Writer w = new Pain002Writer(OutputStream.nullOutputStream(), Pain002Message.PAIN002_001_03, "M",
                "2024-02-01T09:00:00", "O", "pain.001.001.03", null, List.of());
        w.startPaymentInfo("P", null, List.of());

        assertThatThrownBy(() -> w.writeTransaction(new Pain002TransactionStatus(1, null, null, "x".repeat(36), "RJCT", List.of(), null,
                XmlLocation.NONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TxInfAndSts/OrgnlEndToEndId");
    }

    @Test
    void streams_many_statuses() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 20_000;
        try (Pain002Writer w = new Pain002Writer(out, Pain002Message.PAIN002_001_10, "M", "2024-02-01T09:00:00", "O",
                "pain.001.001.09", null, List.of())) {
            w.startPaymentInfo("P", null, List.of());
            for (int i = 0; i < n; i++) {
                w.writeTransaction(tx("E" + i, "RJCT", List.of(Pain002StatusReason.of("AC04")), Money.parse("1.00 EUR")));
            }
            w.endPaymentInfo();
        }

        InspectionReport report = new Pain002Inspector().inspect(stream(out.toByteArray()), "big.xml");

        assertThat(report.recordCounts()).containsEntry("status RJCT", (long) n);
        assertThat(report.controlTotals()).containsEntry("rejected EUR", Money.ofMinor(100L * n, "EUR"));
    }
}
