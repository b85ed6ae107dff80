package dev.settle.formats.generic;

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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericCsvReaderTest {

    static final String GATEWAY = "/fixtures/gateway/generic-gateway-report.csv";
    static final String BANK = "/fixtures/gateway/generic-bank-statement.csv";
    static final String BANK_VIOLATIONS = "/fixtures/gateway/generic-bank-statement-violations.csv";
    static final String EXAMPLES = "/dev/settle/formats/generic/examples/";

    static byte[] bytes(String resource) {
        try (InputStream in = GenericCsvReaderTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GenericMapping example(String name) {
        return GenericMapping.load(new ByteArrayInputStream(bytes(EXAMPLES + name)), name);
    }

    static List<GenericRecord> read(String resource, GenericMapping mapping) {
        List<GenericRecord> out = new ArrayList<>();
        try (GenericCsvReader reader = new GenericCsvReader(new ByteArrayInputStream(bytes(resource)), mapping, resource)) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    static GenericMapping mapping(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GenericMapping.of(p, "test.properties");
    }

    @Test
    void reads_the_gateway_example_with_signed_amounts_and_thousands_separators() {
        List<GenericRecord> rows = read(GATEWAY, example("gateway-report.properties"));

        assertThat(rows).hasSize(5);
        GenericRecord first = rows.get(0);
        assertThat(first.kind()).isEqualTo(GenericMapping.Kind.GATEWAY);
        assertThat(first.reference()).isEqualTo("tr_0001");
        assertThat(first.amount()).isEqualTo(Money.ofMinor(125_000, CurrencyUnit.EUR));
        assertThat(first.date()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(first.valueDate()).isEqualTo(LocalDate.of(2024, 2, 2));
        assertThat(first.batch()).isEqualTo("PB-7");
        assertThat(rows.get(1).counterparty()).isEqualTo("Smith, John");
        assertThat(rows.get(2).amount()).isEqualTo(Money.ofMinor(-4_500, CurrencyUnit.EUR));
        assertThat(rows.get(3).amount()).isEqualTo(Money.ofMinor(12_000, CurrencyUnit.JPY));
        assertThat(rows.get(4).valueDate()).isNull();
        assertThat(rows).allSatisfy(r -> assertThat(r.parseViolations()).isEmpty());
    }

    @Test
    void reads_the_latin1_bank_example_with_comma_decimals_and_a_dc_column() {
        List<GenericRecord> rows = read(BANK, example("bank-statement.properties"));

        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).counterparty()).isEqualTo("Müller GmbH");
        assertThat(rows.get(0).amount()).isEqualTo(Money.ofMinor(125_000, CurrencyUnit.EUR));
        assertThat(rows.get(1).amount()).isEqualTo(Money.ofMinor(-8_995, CurrencyUnit.EUR));
        assertThat(rows.get(1).valueDate()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(rows.get(4).type()).isEqualTo("Refund; order 0998");
        assertThat(rows.get(4).counterparty()).isEqualTo("Jörg Weiß");
        assertThat(rows).allSatisfy(r -> assertThat(r.parseViolations()).isEmpty());

        InspectionReport report = new GenericCsvInspector(example("bank-statement.properties"))
                .inspect(new ByteArrayInputStream(bytes(BANK)), BANK);
        assertThat(report.valid()).isTrue();
        assertThat(report.controlTotals()).containsExactly(
                Map.entry("credits EUR", Money.ofMinor(133_961, CurrencyUnit.EUR)),
                Map.entry("debits EUR", Money.ofMinor(-11_445, CurrencyUnit.EUR)),
                Map.entry("net EUR", Money.ofMinor(122_516, CurrencyUnit.EUR)));
        assertThat(report.recordCounts()).containsEntry("SEPA credit transfer", 2L);
    }

    @Test
    void the_gateway_example_inspects_clean_with_totals_per_currency() {
        GenericCsvInspector inspector = new GenericCsvInspector(example("gateway-report.properties"));
        assertThat(inspector.looksLike(bytes(GATEWAY), "x.csv")).isTrue();
        assertThat(inspector.looksLike(bytes(BANK), "x.csv")).isFalse();

        InspectionReport report = inspector.inspect(new ByteArrayInputStream(bytes(GATEWAY)), GATEWAY);
        assertThat(report.violations()).isEmpty();
        assertThat(report.recordCounts()).containsExactly(Map.entry("payment", 4L), Map.entry("refund", 1L));
        assertThat(report.controlTotals()).containsEntry("net EUR", Money.ofMinor(125_000 + 9_990 - 4_500, CurrencyUnit.EUR))
                .containsEntry("net USD", Money.ofMinor(1_005, CurrencyUnit.USD));
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @CsvSource({
            "3, GENERIC_BAD_AMOUNT,     Amount,       '12,3,4'",
            "4, GENERIC_BAD_DATE,       Booking date, 30.02.2024",
            "5, GENERIC_BAD_INDICATOR,  D/C,          X",
            "6, GENERIC_SCALE_TOO_FINE, Amount,       '5,001'",
            "7, GENERIC_MISSING_VALUE,  Amount,       ''",
            "8, GENERIC_SHORT_ROW,      ,             3"})
    void the_bank_violations_fixture_names_file_line_column_and_raw_value(long line, GenericViolation code, String column, String raw) {
        List<GenericRecord> rows = read(BANK_VIOLATIONS, example("bank-statement.properties"));
        List<Violation> violations = rows.stream().flatMap(r -> r.parseViolations().stream()).toList();

        assertThat(violations).filteredOn(v -> v.line() == line).first().satisfies(v -> {
            assertThat(v.code()).isEqualTo(code);
            assertThat(v.field()).isEqualTo(column);
            assertThat(v.rawValue()).isEqualTo(raw);
            assertThat(v.file()).isEqualTo(BANK_VIOLATIONS);
        });
        assertThat(violations).filteredOn(v -> v.line() == 2).isEmpty();
    }

    @Test
    void separate_debit_and_credit_columns_by_index_without_a_header() {
        GenericMapping m = mapping("""
                kind=bank
                header=false
                column.date=1
                column.debit=2
                column.credit=3
                column.reference=4
                currency.fixed=GBP
                date.format=yyyyMMdd
                amount.sign=debitCredit
                """);
        String csv = "20240131,12.50,,A\n20240131,,7.00,B\n20240131,1.00,2.00,C\n";
        List<GenericRecord> rows = new ArrayList<>();
        try (GenericCsvReader r = new GenericCsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), m, "dc.csv")) {
            r.forEachRemaining(rows::add);
        }
        assertThat(rows).extracting(GenericRecord::amount).containsExactly(
                Money.ofMinor(-1_250, CurrencyUnit.GBP), Money.ofMinor(700, CurrencyUnit.GBP), null);
        assertThat(rows.get(2).parseViolations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(GenericViolation.GENERIC_DEBIT_AND_CREDIT);
            assertThat(v.field()).isEqualTo("#3");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kind=shop                                                   | kind",
            "kind=bank\\ndelimiter=;;                                     | delimiter",
            "kind=bank\\nencoding=EBCDIC-NOPE                             | encoding",
            "kind=bank\\ndate.format=dd.MM.yyyy\\ncurrency.fixed=EUR\\ncolumn.amount=Amount\\ncolumn.dat=Date | column.dat",
            "kind=bank\\ncurrency.fixed=EUR\\ncolumn.date=1\\ncolumn.amount=2 | date.format",
            "kind=bank\\ncurrency.fixed=EUR\\ncolumn.date=1\\ncolumn.amount=2\\ndate.format=qqqq-bb | date.format",
            "kind=bank\\ncurrency.fixed=EURO\\ncolumn.date=1\\ncolumn.amount=2\\ndate.format=yyyy | currency.fixed",
            "kind=bank\\ncolumn.date=1\\ncolumn.amount=2\\ndate.format=yyyy | column.currency",
            "kind=bank\\ncurrency.fixed=EUR\\ncolumn.date=1\\ndate.format=yyyy\\namount.sign=indicator\\ncolumn.amount=2 | column.indicator",
            "kind=bank\\ncurrency.fixed=EUR\\ncolumn.date=0\\ncolumn.amount=2\\ndate.format=yyyy | column.date",
            "kind=bank\\ncurrency.fixed=EUR\\ncolumn.date=1\\ncolumn.amount=2\\ndate.format=yyyy\\namount.decimalSeparator=, \\namount.thousandsSeparator=, | amount.thousandsSeparator",
            "kind=bank\\nheader=false\\ncurrency.fixed=EUR\\ncolumn.date=Date\\ncolumn.amount=2\\ndate.format=yyyy | column.date"})
    void a_bad_mapping_is_an_error_naming_the_key(String properties, String key) {
        assertThatThrownBy(() -> mapping(properties.replace("\\n", "\n")))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo(GenericViolation.GENERIC_BAD_MAPPING);
                    assertThat(e.violation().field()).isEqualTo(key);
                    assertThat(e.violation().file()).isEqualTo("test.properties");
                });
    }

    @Test
    void a_mapped_header_missing_from_the_file_is_a_format_exception_naming_it() {
        byte[] csv = "Date,Amt\n2024-01-31,1.00\n".getBytes(StandardCharsets.UTF_8);
        GenericMapping m = mapping("kind=gateway\ncolumn.date=Date\ncolumn.amount=Amount\ncurrency.fixed=EUR\ndate.format=yyyy-MM-dd\n");
        assertThatThrownBy(() -> new GenericCsvReader(new ByteArrayInputStream(csv), m, "f.csv"))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo(GenericViolation.GENERIC_MISSING_COLUMN);
                    assertThat(e.violation().field()).isEqualTo("Amount");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            ",  | none  | 1234,5   | 123450",
            ",  | .     | 1.234,56 | 123456",
            ".  | ,     | 1,234.56 | 123456",
            ".  | space | 1 234.56 | 123456",
            ".  | '     | 1'234.56 | 123456",
            ".  | none  | 12.30-   | -1230",
            ".  | none  | +12      | 1200",
            ",  | none  | -0,01    | -1"})
    void amount_formats_by_decimal_and_thousands_separator(String dec, String thousands, String raw, long expectedMinor) {
        GenericMapping m = mapping("kind=gateway\ndelimiter=|\ncolumn.date=1\ncolumn.amount=2\ncurrency.fixed=EUR\n"
                + "date.format=yyyy-MM-dd\nheader=false\namount.decimalSeparator=" + dec.strip()
                + "\namount.thousandsSeparator=" + thousands.strip() + "\n");
        byte[] csv = ("2024-01-31|" + raw.strip() + "\n").getBytes(StandardCharsets.UTF_8);
        try (GenericCsvReader r = new GenericCsvReader(new ByteArrayInputStream(csv), m, "a.csv")) {
            GenericRecord rec = r.next();
            assertThat(rec.parseViolations()).isEmpty();
            assertThat(rec.amount()).isEqualTo(Money.ofMinor(expectedMinor, CurrencyUnit.EUR));
        }
    }
}
