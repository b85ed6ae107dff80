package dev.settle.formats.mt940;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mt940ReaderTest {

    /**
     * Every fixture: statements, entries, and the violation codes it must give. Several public
     * samples are anonymised and their balances no longer add up; we assert the mismatch rather
     * than hide it (abnamro both statements, ing, postfinance statement 2, rabobank statements 1
     * and 3, sepa-snippet-broken).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "abnamro.sta;                         2;  10; MT940_BALANCE_MISMATCH MT940_BALANCE_MISMATCH",
        "cmxl-multi-currency.sta;             3;  16; MT940_UNKNOWN_CURRENCY MT940_UNKNOWN_CURRENCY",
        "february-30-invalid-date.sta;        1;   1; MT940_INVALID_DATE",
        "ing.sta;                             1;   7; MT940_BALANCE_MISMATCH",
        "mbank-pln.sta;                       1;   3; ''",
        "postfinance-chf.sta;                 2;   4; MT940_BALANCE_MISMATCH",
        "rabobank.sta;                        4;   5; MT940_BALANCE_MISMATCH MT940_BALANCE_MISMATCH",
        "sberbank-huf.sta;                    1;   3; ''",
        "sepa-mt940-large-with-reversals.sta; 26; 97; ''",
        "sepa-snippet-broken.sta;             1;   1; MT940_UNEXPECTED_TAG_ORDER MT940_BALANCE_MISMATCH",
    })
    void reads_every_fixture_with_its_counts_and_exact_violations(String file, int statements, int entries, String codes) {
        Mt940Fixtures.Result r = Mt940Fixtures.read(file);

        assertThat(r.headers()).hasSize(statements);
        assertThat(r.trailers()).hasSize(statements);
        assertThat(r.entries()).hasSize(entries);
        assertThat(r.codes()).containsExactlyElementsOf(codes.isBlank() ? List.of() : List.of(codes.split(" ")));
    }

    @Test
    void reports_february_30_as_an_invalid_date_with_the_raw_value() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("february-30-invalid-date.sta");

        Violation v = r.violations().get(0);
        assertThat(v.code()).isEqualTo(Mt940Violation.MT940_INVALID_DATE);
        assertThat(v.rawValue()).isEqualTo("160230");
        assertThat(v.line()).isEqualTo(6);
        assertThat(v.recordType()).isEqualTo(":61:");
        assertThat(v.field()).isEqualTo("valueDate");
        Mt940Entry e = r.entries().get(0);
        assertThat(e.valueDate()).isNull();
        assertThat(e.entryDate()).isEqualTo(LocalDate.of(2016, 3, 1));
        assertThat(e.mark()).isEqualTo(Mt940Mark.D);
        assertThat(e.fundsCode()).isEqualTo('R');
        assertThat(e.amount()).isEqualTo(Money.of(new java.math.BigDecimal("6.00"), CurrencyUnit.EUR));
    }

    @Test
    void reports_a_second_25_among_the_statement_lines_as_unexpected_order() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("sepa-snippet-broken.sta");

        Violation v = r.violations().get(0);
        assertThat(v.code()).isEqualTo(Mt940Violation.MT940_UNEXPECTED_TAG_ORDER);
        assertThat(v.recordType()).isEqualTo(":25:");
        assertThat(v.line()).isEqualTo(6);
        assertThat(v.rawValue()).startsWith("166?00GUTSCHRIFT");
        assertThat(r.entries().get(0).information()).isNull(); // the details were not under :86:
        assertThat(r.trailers().get(0).closingAvailableBalance().amount().toString()).isEqualTo("559614.51 EUR");
    }

    @Test
    void reads_abn_amro_headers_balances_and_whole_number_amounts() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("abnamro.sta");

        Mt940StatementHeader h = r.headers().get(0);
        assertThat(h.transactionReference()).isEqualTo("ABN AMRO BANK NV");
        assertThat(h.accountId()).isEqualTo("517852257");
        assertThat(h.statementNumber()).isEqualTo("19321");
        assertThat(h.sequenceNumber()).isEqualTo("1");
        assertThat(h.openingBalance().signedAmount()).isEqualTo(Money.ofMinor(323628, "EUR"));
        assertThat(h.openingBalance().date()).isEqualTo(LocalDate.of(2011, 5, 22));
        Mt940Entry first = r.entries().get(0);
        assertThat(first.amount()).isEqualTo(Money.ofMinor(900, "EUR")); // "9,"
        assertThat(first.valueDate()).isEqualTo(LocalDate.of(2011, 5, 24));
        assertThat(first.transactionType()).isEqualTo("N192");
        assertThat(first.customerReference()).isEqualTo("NONREF");
        assertThat(first.information()).isEqualTo(
                "GIRO   428428 KPN - DIGITENNE    BETALINGSKENM.  000000042188659\n"
                        + "5314606715                       BETREFT FACTUUR D.D. 20-05-2011\nINCL. 1,44 BTW");
        assertThat(r.headers().get(1).openingBalance().tag()).isEqualTo("60M");
        assertThat(r.trailers().get(1).closingBalance().tag()).isEqualTo("62M");
    }

    @Test
    void reads_reversals_and_german_structured_details_with_sepa_keys() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("sepa-mt940-large-with-reversals.sta");

        assertThat(r.entries()).filteredOn(e -> e.mark().isReversal()).hasSize(2)
                .allSatisfy(e -> assertThat(e.mark()).isEqualTo(Mt940Mark.RC));
        Mt940Entry returned = r.entries().get(0);
        assertThat(returned.mark()).isEqualTo(Mt940Mark.C);
        assertThat(returned.fundsCode()).isEqualTo('R');
        assertThat(returned.customerReference()).isEqualTo("TFNr 40005 MSGID");
        assertThat(returned.bankReference()).isEqualTo("0724710345313905");
        Mt940Details d = returned.details();
        assertThat(d.style()).isEqualTo(Mt940Details.Style.GERMAN);
        assertThat(d.transactionCode()).isEqualTo("159");
        assertThat(d.bookingText()).isEqualTo("RETOURE");
        assertThat(d.endToEndReference()).startsWith("TFNR 40005 00005");
        assertThat(d.purpose()).contains("Grund nicht spezifiziert"); // rejoined across the line break

        Mt940Entry credit = r.entries().stream().filter(e -> "0724710290621954".equals(e.bankReference())).findFirst()
                .orElseThrow();
        assertThat(credit.details().sepaKeys()).containsKeys("EREF", "SVWZ");
        assertThat(credit.details().sepaKeys().get("EREF")).isEqualTo("EndToEndIdTFNR2000400001"); // ?20 and ?21 rejoined
        assertThat(credit.details().counterpartyBank()).isEqualTo("PBNKDEFF100");
        assertThat(credit.details().counterpartyAccount()).isEqualTo("DE42100100100043921105");
        assertThat(credit.details().counterpartyName()).startsWith("Richter Renate 70 Zeichen B");
    }

    @Test
    void reads_soh_framed_mbank_file_with_supplementary_details() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("mbank-pln.sta");

        assertThat(r.headers().get(0).transactionReference()).isEqualTo("ST170119CYC/1");
        Mt940Entry e = r.entries().get(0);
        assertThat(e.amount()).isEqualTo(Money.ofMinor(1, "PLN"));
        assertThat(e.fundsCode()).isEqualTo('N');
        assertThat(e.bankReference()).isEqualTo("MB170119012058");
        assertThat(e.supplementaryDetails()).isEqualTo("911-TRANSAKCJA IPH");
        assertThat(e.information()).contains("TNR: 179171073864111.010001");
    }

    @Test
    void keeps_non_standard_ns_tags_raw_where_they_stand() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("sberbank-huf.sta");

        assertThat(r.headers().get(0).extraTags()).singleElement()
                .satisfies(t -> assertThat(t.value()).startsWith("22JOHN DOE\n23John Doe"));
        assertThat(r.entries().get(0).extraTags()).singleElement()
                .satisfies(t -> assertThat(t.tag()).isEqualTo("NS"));
        assertThat(r.entries().get(0).transactionType()).isEqualTo("S   ");
        assertThat(r.entries().get(0).customerReference()).isEqualTo("X");
        assertThat(r.trailers().get(0).closingBalance().signedAmount()).isEqualTo(Money.ofMinor(61787430, "HUF"));
    }

    @Test
    void reads_postfinance_zero_amount_and_supplementary_line() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("postfinance-chf.sta");

        assertThat(r.headers().get(0).openingBalance().amount()).isEqualTo(Money.ofMinor(0, "CHF")); // "0,"
        assertThat(r.entries().get(0).supplementaryDetails()).isEqualTo("20131209007602198765432000000012");
        assertThat(r.entries().get(0).transactionType()).isEqualTo("FMSC");
    }

    @Test
    void joins_consecutive_86_tags_of_rabobank_and_reads_missing_entry_date() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("rabobank.sta");

        Mt940Entry e = r.entries().get(0);
        assertThat(e.entryDate()).isNull();
        assertThat(e.amount()).isEqualTo(Money.ofMinor(121328, "EUR"));
        assertThat(e.information().split("\n")).hasSize(4);
        assertThat(e.information()).startsWith("Terugboeking");
        assertThat(r.headers()).extracting(Mt940StatementHeader::accountId).containsOnly("1291.99.348EUR", "1526.89.184EUR");
    }

    @Test
    void keeps_statement_level_86_after_the_closing_balance() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("ing.sta");

        assertThat(r.trailers().get(0).information()).isEqualTo("D000004C000002D25,24C28,71");
        assertThat(r.entries().get(6).information()).endsWith("Betaling transactiedatum: 22-07-2010");
    }

    @Test
    void refuses_withdrawn_currencies_but_reads_the_other_statements() {
        Mt940Fixtures.Result r = Mt940Fixtures.read("cmxl-multi-currency.sta");

        assertThat(r.violations()).allSatisfy(v -> assertThat(v.rawValue()).isEqualTo("DEM"));
        assertThat(r.headers().get(0).openingBalance().amount()).isNull();
        assertThat(r.headers().get(1).openingBalance().currencyCode()).isEqualTo("EUR");
        assertThat(r.headers().get(1).relatedReference()).isEqualTo("9876543210");
        assertThat(r.headers().get(2).openingBalance().amount()).isEqualTo(Money.ofMinor(4000000, "PLN"));
        assertThat(r.entries().get(12).details().counterpartyName()).isEqualTo("MUELLER");
    }

    @ParameterizedTest(name = "value {0} entry {1} -> {2}")
    @CsvSource({
        "110105, 1231, 2010-12-31",
        "101231, 0102, 2011-01-02",
        "110524, 0524, 2011-05-24",
        "110630, 0101, 2011-01-01",
        "110131, 0731, 2011-07-31",
        "110101, 0801, 2010-08-01",
    })
    void gives_the_entry_date_the_year_within_six_months_of_the_value_date(String value, String entry, LocalDate expected) {
        String file = ":20:R\n:25:A\n:28C:1\n:60F:C110101EUR0,\n:61:" + value + entry + "C1,NTRFNONREF\n:62F:C110101EUR1,\n-\n";

        Mt940Fixtures.Result r = Mt940Fixtures.read(file.getBytes(StandardCharsets.US_ASCII), "t.sta");

        assertThat(r.entries().get(0).entryDate()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        ":61:110101C1.00NTRFNONREF;    MT940_BAD_AMOUNT",
        ":61:110101C1,001NTRFNONREF;   MT940_BAD_AMOUNT",
        ":61:110101X1,NTRFNONREF;      MT940_MALFORMED_FIELD",
        ":61:111301C1,NTRFNONREF;      MT940_INVALID_DATE",
        ":61:1101011301C1,NTRFNONREF;  MT940_INVALID_DATE",
    })
    void reports_a_bad_statement_line_with_its_code(String line, String code) {
        String file = ":20:R\n:25:A\n:28C:1\n:60F:C110101EUR0,\n" + line + "\n:62F:C110101EUR1,\n-\n";

        Mt940Fixtures.Result r = Mt940Fixtures.read(file.getBytes(StandardCharsets.US_ASCII), "t.sta");

        assertThat(r.codes()).first().isEqualTo(code);
    }

    @Test
    void reports_missing_mandatory_tags_and_currency_mismatch() {
        String file = ":20:R\n:60F:C110101EUR0,\n:61:110101C1,NTRFNONREF\n:62F:C110101USD1,\n-\n:20:S\n:25:A\n:28C:2\n-\n";

        Mt940Fixtures.Result r = Mt940Fixtures.read(file.getBytes(StandardCharsets.US_ASCII), "t.sta");

        assertThat(r.codes()).containsExactly("MT940_MISSING_TAG", "MT940_MISSING_TAG", "MT940_MISSING_TAG",
                "MT940_MISSING_TAG", "MT940_CURRENCY_MISMATCH");
        assertThat(r.violations()).extracting(Violation::recordType)
                .containsExactly(":25:", ":28C:", ":60F:", ":62F:", ":62F:");
    }

    @Test
    void reads_tags_before_any_20_as_outside_a_statement() {
        Mt940Fixtures.Result r = Mt940Fixtures.read(":25:A\n:61:110101C1,NTRFNONREF\n".getBytes(StandardCharsets.US_ASCII), "t");

        assertThat(r.codes()).containsExactly("MT940_TAG_OUTSIDE_STATEMENT", "MT940_TAG_OUTSIDE_STATEMENT");
        assertThat(r.items()).isEmpty();
    }

    @Test
    void decodes_cp1250_lines_by_default_and_honours_an_explicit_charset() {
        byte[] polish = ":20:R\n:25:A\n:28C:1\n:60F:C110101PLN0,\n:61:110101C1,NTRFNONREF\n:86:Op\u0142ata za kart\u0119\n:62F:C110101PLN1,\n-\n"
                .getBytes(Charset.forName("windows-1250"));

        Mt940Fixtures.Result auto = Mt940Fixtures.read(polish, "pl.sta");
        Mt940Reader latin = new Mt940Reader(new ByteArrayInputStream(polish), "pl.sta", StandardCharsets.ISO_8859_1);
        Mt940Reader utf8 = new Mt940Reader(new ByteArrayInputStream(polish), "pl.sta", StandardCharsets.UTF_8);

        assertThat(auto.entries().get(0).information()).isEqualTo("Op\u0142ata za kart\u0119");
        assertThat(auto.violations()).isEmpty();
        assertThat(entryInfo(latin)).isEqualTo("Op\u00b3ata za kart\u00ea");
        assertThat(entryInfo(utf8)).contains("\uFFFD");
    }

    @Test
    void reads_swift_block_headers_crlf_and_lone_cr() {
        String file = "{1:F01BANKDEFFAXXX0000000000}{2:O9401200110101BANKDEFFAXXX00000000001101011200N}{4:\r\n"
                + ":20:R\r:25:A\r\n:28C:1\r\n:60F:C110101EUR1,50\r\n:62F:C110101EUR1,50\r\n-}\r\n";

        Mt940Fixtures.Result r = Mt940Fixtures.read(file.getBytes(StandardCharsets.US_ASCII), "swift.sta");

        assertThat(r.violations()).isEmpty();
        assertThat(r.headers()).singleElement().satisfies(h -> assertThat(h.accountId()).isEqualTo("A"));
    }

    @Test
    void parses_dutch_slash_tag_details() {
        Mt940Details d = Mt940Details.parse("/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/J. D\n"
                + "OE/REMI/Factuur 12/2011/EREF/E2E-1//CSID/NL00ZZZ");

        assertThat(d.style()).isEqualTo(Mt940Details.Style.DUTCH);
        assertThat(d.subfields()).containsEntry("TRTP", "SEPA OVERBOEKING").containsEntry("NAME", "J. DOE")
                .containsEntry("REMI", "Factuur 12/2011").containsEntry("EREF", "E2E-1").containsEntry("CSID", "NL00ZZZ");
        assertThat(d.counterpartyAccount()).isEqualTo("NL91ABNA0417164300");
        assertThat(d.endToEndReference()).isEqualTo("E2E-1");
        assertThat(Mt940Details.parse("BEA   NR:XXX1234").style()).isEqualTo(Mt940Details.Style.NONE);
    }

    private static String entryInfo(Mt940Reader reader) {
        while (reader.hasNext()) {
            if (reader.next() instanceof Mt940Entry e) {
                return e.information();
            }
        }
        return null;
    }
}
