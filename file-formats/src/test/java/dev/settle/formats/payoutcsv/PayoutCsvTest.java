package dev.settle.formats.payoutcsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayoutCsvTest {

    static final LocalDate D = LocalDate.of(2026, 11, 25);

    static List<PayoutInstruction> payouts() {
        return List.of(
                new PayoutInstruction("PO-1001", "M-1", "Müller, Anna", "DE89370400440532013000", "COBADEFFXXX",
                        Money.ofMinor(125_050, "EUR"), "E2E-1001", D),
                new PayoutInstruction("PO-1002", "M-1", "Jane Doe", "231380104/12345678", "",
                        Money.ofMinor(9_999, "USD"), "E2E-1002", D),
                new PayoutInstruction("PO-1003", "M-2", "ACME \"Widgets\" LLC", "GB29NWBK60161331926819", "NWBKGB2L",
                        Money.ofMinor(1, "GBP"), "E2E-1003", D.plusDays(1)),
                new PayoutInstruction("PO-1004", "M-2", "Tanaka Taro", "FR1420041010050500013M02606", "",
                        Money.ofMinor(1_050, "JPY"), "E2E-1004", D),
                new PayoutInstruction("PO-1005", "M-3", "De Vries BV", "NL91ABNA0417164300", "ABNANL2A",
                        Money.ofMinor(1_000, "EUR"), "E2E-1005", D));
    }

    static String write(List<PayoutInstruction> payouts) {
        StringWriter out = new StringWriter();
        try (PayoutCsvWriter w = new PayoutCsvWriter(out, "payouts.csv")) {
            payouts.forEach(w::write);
            w.finish();
        }
        return out.toString();
    }

    static String golden() throws IOException {
        try (InputStream in = PayoutCsvTest.class.getResourceAsStream("/golden/payoutcsv/payouts.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static PayoutCsvValidation validate(String csv) {
        return PayoutCsvValidator.validate(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "p.csv");
    }

    @Test
    void writes_exactly_the_golden_file() throws IOException {
        assertThat(write(payouts())).isEqualTo(golden());
    }

    @Test
    void the_golden_file_reads_back_to_the_same_payouts_and_writes_back_byte_identical() throws IOException {
        List<PayoutInstruction> read = new ArrayList<>();
        try (PayoutCsvReader r = new PayoutCsvReader(new ByteArrayInputStream(golden().getBytes(StandardCharsets.UTF_8)),
                "payouts.csv")) {
            r.forEachRemaining(rec -> {
                if (rec instanceof PayoutCsvRecord.PayoutRow row) {
                    read.add(row.toInstruction());
                }
            });
        }

        assertThat(read).isEqualTo(payouts());
        assertThat(write(read)).isEqualTo(golden());
    }

    @Test
    void the_golden_file_validates_clean_with_totals_per_currency() throws IOException {
        PayoutCsvValidation v = validate(golden());

        assertThat(v.violations()).isEmpty();
        assertThat(v.payoutCount()).isEqualTo(5);
        assertThat(v.totals().total(CurrencyUnit.EUR)).isEqualTo(Money.ofMinor(126_050, "EUR"));
        assertThat(v.totals().total(CurrencyUnit.JPY)).isEqualTo(Money.ofMinor(1_050, "JPY"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "trailer count off       | T,2,1260.50,EUR   | T,3,1260.50,EUR  | PAYOUT_CSV_TRAILER_COUNT_MISMATCH | 7",
        "trailer total off       | T,2,1260.50,EUR   | T,2,1260.51,EUR  | PAYOUT_CSV_TRAILER_TOTAL_MISMATCH | 7",
        "trailer missing         | T,1,0.01,GBP\\n   | ''               | PAYOUT_CSV_MISSING_TRAILER        | 0",
        "trailer extra currency  | T,1,0.01,GBP      | T,1,0.01,CHF     | PAYOUT_CSV_MISSING_TRAILER        | 8",
        "bad amount              | ,99.99,USD,       | ,99.9x,USD,      | PAYOUT_CSV_BAD_AMOUNT             | 3",
        "zero amount             | ,99.99,USD,       | ,0.00,USD,       | PAYOUT_CSV_BAD_AMOUNT             | 3",
        "scale beyond JPY        | ,1050,JPY,        | ,1050.5,JPY,     | PAYOUT_CSV_AMOUNT_SCALE           | 5",
        "unknown currency        | ,99.99,USD,       | ,99.99,USX,      | PAYOUT_CSV_UNKNOWN_CURRENCY       | 3",
        "IBAN checksum           | DE89370400440532013000 | DE88370400440532013000 | PAYOUT_CSV_BAD_ACCOUNT | 2",
        "routing check digit     | 231380104/12345678 | 231380105/12345678 | PAYOUT_CSV_BAD_ACCOUNT   | 3",
        "bad BIC                 | NWBKGB2L          | NWBK-GB2L        | PAYOUT_CSV_BAD_BIC                | 4",
        "bad date                | E2E-1002,2026-11-25 | E2E-1002,2026-02-30 | PAYOUT_CSV_BAD_DATE      | 3",
        "missing payout id       | P,PO-1002,        | P,,              | PAYOUT_CSV_FIELD_REQUIRED         | 3",
        "too few fields          | ,E2E-1002,2026-11-25 | ,2026-11-25   | PAYOUT_CSV_FIELD_COUNT            | 3",
        "unknown record type     | P,PO-1002,        | X,PO-1002,       | PAYOUT_CSV_UNKNOWN_RECORD_TYPE    | 3",
    })
    void a_damaged_golden_file_gives_its_specific_code(String why, String from, String to, PayoutCsvViolation expected,
            long line) throws IOException {
        String damaged = golden().replace(from.replace("\\n", "\n"), to);

        assertThat(validate(damaged).violations()).extracting(Violation::code, Violation::line)
                .contains(org.assertj.core.groups.Tuple.tuple(expected, line));
    }

    @Test
    void rejects_a_payout_row_after_the_trailers() throws IOException {
        String moved = golden() + "P,PO-9,M-9,X,NL91ABNA0417164300,,1.00,EUR,E,2026-11-25\n";

        assertThat(validate(moved).violations()).extracting(Violation::code)
                .contains(PayoutCsvViolation.PAYOUT_CSV_ROW_AFTER_TRAILER);
    }

    @Test
    void throws_a_format_exception_for_a_wrong_header_or_broken_quoting() {
        assertThatThrownBy(() -> validate("id,amount\n1,2\n")).isInstanceOfSatisfying(FormatException.class,
                e -> assertThat(e.violation().code()).isEqualTo(PayoutCsvViolation.PAYOUT_CSV_BAD_HEADER));
        assertThatThrownBy(() -> validate("")).isInstanceOfSatisfying(FormatException.class,
                e -> assertThat(e.violation().code()).isEqualTo(PayoutCsvViolation.PAYOUT_CSV_EMPTY_FILE));
        assertThatThrownBy(() -> validate(String.join(",", PayoutCsv.HEADER) + "\nP,\"unterminated\n"))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.violation().code()).isEqualTo(PayoutCsvViolation.PAYOUT_CSV_MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name of 141 chars | 141 | 100 | EUR | DE89370400440532013000 | PAYOUT_CSV_FIELD_TOO_LONG",
        "sub-cent amount   | 5   | -1  | EUR | DE89370400440532013000 | PAYOUT_CSV_BAD_AMOUNT",
        "bad account       | 5   | 100 | EUR | DE00                   | PAYOUT_CSV_BAD_ACCOUNT",
    })
    void the_writer_refuses_a_bad_payout_and_writes_nothing_of_it(String why, int nameLength, long minor,
            String currency, String account, PayoutCsvViolation expected) {
        StringWriter out = new StringWriter();
        PayoutCsvWriter w = new PayoutCsvWriter(out, "p.csv");
        PayoutInstruction bad = new PayoutInstruction("PO-1", "M-1", "x".repeat(nameLength), account, "",
                Money.ofMinor(minor, currency), "E2E", D);

        assertThatThrownBy(() -> w.write(bad)).isInstanceOfSatisfying(PayoutCsvWriteException.class,
                e -> assertThat(e.violations()).extracting(Violation::code).containsExactly(expected));
        assertThat(out.toString()).isEqualTo(String.join(",", PayoutCsv.HEADER) + "\n");
    }

    @Test
    void the_inspector_reports_counts_and_totals_per_currency() throws IOException {
        PayoutCsvInspector inspector = new PayoutCsvInspector();
        byte[] bytes = golden().getBytes(StandardCharsets.UTF_8);

        InspectionReport r = inspector.inspect(new ByteArrayInputStream(bytes), "payouts.csv");

        assertThat(inspector.looksLike(bytes, "payouts.csv")).isTrue();
        assertThat(inspector.looksLike("101 231380104".getBytes(), "x.ach")).isFalse();
        assertThat(r.format()).isEqualTo(FileFormat.PAYOUT_CSV);
        assertThat(r.valid()).isTrue();
        assertThat(r.recordCounts()).containsEntry("payouts", 5L);
        assertThat(r.controlTotals()).containsEntry("payouts USD", Money.ofMinor(9_999, "USD"))
                .containsEntry("payouts EUR", Money.ofMinor(126_050, "EUR"));
    }
}
