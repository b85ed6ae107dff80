package dev.settle.formats.camt;

import static dev.settle.formats.camt.IsoFixtures.fixture;
import static dev.settle.formats.camt.IsoFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CamtReaderTest {

    static List<CamtRecord> readAll(byte[] bytes, String name) {
        List<CamtRecord> out = new ArrayList<>();
        try (CamtReader r = CamtReader.open(stream(bytes), name)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    static <T> List<T> only(List<CamtRecord> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(v -> v.code().code()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            camt053/camt.053.001.02-abn-amro-batched.xml              | CAMT053_001_02 | 1 | 13 | 26 |
            camt053/camt.053.001.02-finland-sample.xml                | CAMT053_001_02 | 1 | 10 | 12 | CAMT_BATCH_COUNT_MISMATCH CAMT_BATCH_COUNT_MISMATCH CAMT_BATCH_COUNT_MISMATCH CAMT_BATCH_COUNT_MISMATCH
            camt053/camt.053.001.02-five-decimals.xml                 | CAMT053_001_02 | 1 | 1  | 1  | CAMT_BALANCE_MISMATCH
            camt053/camt.053.001.02-goldman-sachs-uk-2stmts-eur-gbp.xml | CAMT053_001_02 | 2 | 6 | 6  | CAMT_BALANCE_MISMATCH
            camt053/camt.053.001.02-goldman-sachs-us.xml              | CAMT053_001_02 | 1 | 15 | 15 | CAMT_BALANCE_CURRENCY_MISMATCH
            camt053/camt.053.001.02-ing.xml                           | CAMT053_001_02 | 1 | 9  | 7  |
            camt053/camt.053.001.02-multi-statement.xml               | CAMT053_001_02 | 2 | 2  | 2  |
            camt053/camt.053.001.02-wrong.xml                         | CAMT053_001_02 | 0 | 0  | 0  | CAMT_MISSING_STATEMENT
            camt053/camt.053.001.04-postfinance.xml                   | CAMT053_001_04 | 1 | 5  | 5  | CAMT_BALANCE_MISMATCH
            camt053/camt.053.001.08-genkgo.xml                        | CAMT053_001_08 | 1 | 1  | 1  | CAMT_BALANCE_CURRENCY_MISMATCH
            camt054/camt.054.001.02-genkgo.xml                        | CAMT054_001_02 | 1 | 1  | 3  |
            camt054/camt.054.001.04-postfinance-esr-batched.xml       | CAMT054_001_04 | 1 | 2  | 6  |
            camt054/camt.054.001.04-postfinance-returns.xml           | CAMT054_001_04 | 1 | 1  | 1  |
            camt054/camt.054.001.08-genkgo.xml                        | CAMT054_001_08 | 1 | 1  | 3  | CAMT_BATCH_COUNT_MISMATCH
            """)
    void every_fixture_reads_with_its_real_counts_and_exactly_its_expected_violations(
            String path, CamtMessage message, int statements, int entries, int transactions, String expectedCodes) {
        byte[] bytes = fixture(path);
        List<CamtRecord> records = readAll(bytes, path);

        assertThat(only(records, CamtGroupHeader.class)).singleElement()
                .satisfies(h -> assertThat(h.message()).isEqualTo(message));
        assertThat(only(records, CamtStatement.class)).hasSize(statements);
        assertThat(only(records, CamtStatementEnd.class)).hasSize(statements);
        assertThat(only(records, CamtEntry.class)).hasSize(entries);
        assertThat(only(records, CamtEntry.class).stream().mapToInt(e -> e.transactions().size()).sum())
                .isEqualTo(transactions);
        List<String> expected = expectedCodes == null ? List.of() : Arrays.asList(expectedCodes.split(" "));
        assertThat(codes(CamtValidator.validate(stream(bytes), path))).containsExactlyElementsOf(expected);
    }

    @Test
    void multi_statement_gives_headers_balances_entries_and_transaction_details_in_file_order() {
        List<CamtRecord> records = readAll(fixture("camt053/camt.053.001.02-multi-statement.xml"), "m.xml");

        assertThat(records).extracting(r -> r.getClass().getSimpleName()).containsExactly("CamtGroupHeader",
                "CamtStatement", "CamtEntry", "CamtStatementEnd", "CamtStatement", "CamtEntry", "CamtStatementEnd");
        CamtGroupHeader header = (CamtGroupHeader) records.get(0);
        assertThat(header.messageId()).isEqualTo("CAMT053RIB000000000001");
        assertThat(header.creationDateTime()).isEqualTo("2015-03-10T18:43:50+00:00");

        CamtStatement first = (CamtStatement) records.get(1);
        assertThat(first.id()).isEqualTo("253EURNL26VAYB8060476890");
        assertThat(first.electronicSequenceNumber()).isEqualTo("12312");
        assertThat(first.legalSequenceNumber()).isEqualTo("12312");
        assertThat(first.accountIban()).isEqualTo("NL26VAYB8060476890");
        assertThat(first.currency().code()).isEqualTo("EUR");
        assertThat(first.balances()).extracting(CamtBalance::typeCode, CamtBalance::amount, CamtBalance::date)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("OPBD", Money.parse("18.15 EUR"), LocalDate.of(2014, 12, 30)),
                        org.assertj.core.groups.Tuple.tuple("CLBD", Money.parse("27.00 EUR"), LocalDate.of(2014, 12, 31)));

        CamtEntry entry = (CamtEntry) records.get(2);
        assertThat(entry.amount()).isEqualTo(Money.parse("8.85 EUR"));
        assertThat(entry.creditDebit()).isEqualTo(CreditDebit.CRDT);
        assertThat(entry.reversal()).isFalse();
        assertThat(entry.status()).isEqualTo("BOOK");
        assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(entry.bankTxProprietaryCode()).isEqualTo("544");
        CamtTransaction tx = entry.transactions().get(0);
        assertThat(tx.endToEndId()).isEqualTo("000000001");
        assertThat(tx.creditorName()).isEqualTo("Company Name 1");
        assertThat(tx.creditorIban()).isEqualTo("NL56AGDH9619008421");
        assertThat(tx.unstructuredRemittance()).containsExactly("Transaction Description 1");

        CamtEntry second = (CamtEntry) records.get(5);
        assertThat(second.signedAmount()).isEqualTo(Money.parse("-7.00 EUR"));
        assertThat(second.statementIndex()).isEqualTo(2);
    }

    @Test
    void entries_carry_the_line_and_indexed_xml_path_of_their_start_tag() {
        List<CamtEntry> entries = only(readAll(fixture("camt053/camt.053.001.02-multi-statement.xml"), "m.xml"),
                CamtEntry.class);

        assertThat(entries.get(1).location().xmlPath()).isEqualTo("/Document/BkToCstmrStmt/Stmt[2]/Ntry[1]");
        assertThat(entries.get(1).location().line()).isEqualTo(145);
        assertThat(entries.get(0).transactions().get(0).location().xmlPath())
                .isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]");
    }

    @Test
    void abn_amro_batched_bookings_keep_one_to_many_details_reversals_and_return_reasons() {
        List<CamtEntry> entries = only(readAll(fixture("camt053/camt.053.001.02-abn-amro-batched.xml"), "a.xml"),
                CamtEntry.class);

        assertThat(entries.stream().filter(CamtEntry::reversal)).hasSize(2);
        assertThat(entries.stream().flatMap(e -> e.transactions().stream())
                .filter(t -> t.returnReasonCode() != null)).hasSize(2);
        assertThat(entries).extracting(CamtEntry::batchNumberOfTxs).filteredOn(n -> n != null)
                .containsExactly(10, 2, 2, 7, 7);
        assertThat(entries.stream().mapToInt(e -> e.transactions().size()).max().getAsInt()).isEqualTo(10);
    }

    @Test
    void camt054_version_08_reads_party_names_under_pty_and_the_transaction_amount_in_TxDtls() {
        List<CamtEntry> entries = only(readAll(fixture("camt054/camt.054.001.08-genkgo.xml"), "n.xml"),
                CamtEntry.class);

        CamtEntry e = entries.get(0);
        assertThat(e.amount()).isEqualTo(Money.parse("200000.00 SEK"));
        assertThat(e.creditDebit()).isEqualTo(CreditDebit.DBIT);
        assertThat(e.bankTxDomainCode()).isEqualTo("PMNT/ICDT/DMCT");
        assertThat(e.transactions()).allSatisfy(t -> assertThat(t.amount()).isNotNull());
        assertThat(e.transactions()).extracting(CamtTransaction::endToEndId).doesNotContainNull();
    }

    @Test
    void postfinance_return_notification_exposes_the_return_reason() {
        List<CamtEntry> entries = only(readAll(fixture("camt054/camt.054.001.04-postfinance-returns.xml"), "r.xml"),
                CamtEntry.class);

        assertThat(entries.get(0).transactions().get(0).returnReasonCode()).isNotBlank();
    }

    @Test
    void five_decimal_amounts_with_trailing_zeros_are_exact_minor_units() {
        List<CamtRecord> records = readAll(fixture("camt053/camt.053.001.02-five-decimals.xml"), "f.xml");

        CamtStatement s = only(records, CamtStatement.class).get(0);
        assertThat(s.balance("OPBD").amount()).isEqualTo(Money.parse("18.15 EUR"));
        assertThat(s.balance("CLBD").amount()).isEqualTo(Money.parse("27.05 EUR"));
        assertThat(only(records, CamtEntry.class).get(0).amount()).isEqualTo(Money.parse("8.85 EUR"));
    }

    @Test
    void five_decimals_fixture_does_not_add_up_and_the_violation_names_the_difference() {
        List<Violation> v = CamtValidator.validate(stream(fixture("camt053/camt.053.001.02-five-decimals.xml")),
                "f.xml");

        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(CamtViolation.CAMT_BALANCE_MISMATCH);
            assertThat(x.rawValue()).isEqualTo("27.05 EUR");
            assertThat(x.message()).contains("difference 0.05 EUR");
            assertThat(x.xmlPath()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Bal[2]");
        });
    }

    @Test
    void a_eur_amount_with_a_non_zero_fifth_decimal_is_a_scale_violation_with_the_raw_value() {
        String xml = new String(fixture("camt053/camt.053.001.02-five-decimals.xml"), StandardCharsets.UTF_8)
                .replace(">8.850<", ">8.85001<");

        List<Violation> v = CamtValidator.validate(stream(xml.getBytes(StandardCharsets.UTF_8)), "f.xml");

        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(CamtViolation.CAMT_AMOUNT_SCALE_EXCEEDS_CURRENCY);
            assertThat(x.rawValue()).isEqualTo("8.85001 EUR");
            assertThat(x.xmlPath()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt");
            assertThat(x.line()).isEqualTo(62);
        });
    }

    @Test
    void postfinance_closing_balance_leaves_out_the_forward_valued_entry() {
        List<Violation> v = CamtValidator.validate(stream(fixture("camt053/camt.053.001.04-postfinance.xml")), "p.xml");

        assertThat(v).singleElement().satisfies(x -> assertThat(x.message()).contains("difference -1537.00 CHF"));
    }

    @Test
    void a_message_without_statements_is_missing_statement() {
        List<Violation> v = CamtValidator.validate(stream(fixture("camt053/camt.053.001.02-wrong.xml")), "w.xml");

        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(CamtViolation.CAMT_MISSING_STATEMENT);
            assertThat(x.code().fatal()).isTrue();
        });
    }

    @Test
    void truncated_xml_is_a_format_exception_with_line_and_path() {
        byte[] full = fixture("camt053/camt.053.001.02-multi-statement.xml");
        byte[] cut = Arrays.copyOf(full, full.length / 2);

        assertThatThrownBy(() -> readAll(cut, "cut.xml")).isInstanceOfSatisfying(FormatException.class, e -> {
            assertThat(e.violation().code()).isEqualTo(CamtViolation.CAMT_MALFORMED_XML);
            assertThat(e.violation().line()).isGreaterThan(50);
            assertThat(e.violation().xmlPath()).startsWith("/Document/BkToCstmrStmt/Stmt[");
            assertThat(e.violation().file()).isEqualTo("cut.xml");
            // the parser's own words, without its "[row,col]" suffix: the line is a field of its own
            assertThat(e.violation().message()).startsWith("not well-formed XML: Unexpected").doesNotContain("row,col");
        });
    }

    @Test
    void validate_returns_the_fatal_violation_of_a_truncated_file_last() {
        byte[] full = fixture("camt053/camt.053.001.02-multi-statement.xml");

        List<Violation> v = CamtValidator.validate(stream(Arrays.copyOf(full, 3000)), "cut.xml");

        assertThat(codes(v)).containsExactly("CAMT_MALFORMED_XML");
    }

    @Test
    void external_entities_are_never_resolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr>
                <MsgId>&x;</MsgId></GrpHdr></BkToCstmrStmt></Document>
                """;

        assertThatThrownBy(() -> readAll(xxe.getBytes(StandardCharsets.UTF_8), "xxe.xml"))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.violation().code()).isEqualTo(CamtViolation.CAMT_MALFORMED_XML));
    }

    @Test
    void internal_entities_are_never_expanded() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr>
                <MsgId>&b;</MsgId></GrpHdr></BkToCstmrStmt></Document>
                """;

        assertThatThrownBy(() -> readAll(bomb.getBytes(StandardCharsets.UTF_8), "bomb.xml"))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.violation().code()).isEqualTo(CamtViolation.CAMT_MALFORMED_XML);
                    assertThat(e.violation().message()).contains("\"b\"");
                });
    }

    @Test
    void a_utf16_file_with_a_byte_order_mark_is_read_like_its_utf8_original() {
        String xml = new String(fixture("camt053/camt.053.001.02-multi-statement.xml"), StandardCharsets.UTF_8)
                .replace("Company Name 1", "Société Générale");
        byte[] utf16 = xml.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .getBytes(StandardCharsets.UTF_16); // big-endian, with a byte order mark

        assertThat(readAll(utf16, "utf16.xml")).hasSameSizeAs(readAll(xml.getBytes(StandardCharsets.UTF_8), "utf8.xml"));
        assertThat(only(readAll(utf16, "utf16.xml"), CamtEntry.class).get(0).transactions().get(0).creditorName())
                .isEqualTo("Société Générale");
    }

    @Test
    void a_pain001_document_is_an_unsupported_message() {
        byte[] pain = fixture("pain001/pain.001.001.03-sepa-king-example.xml");

        assertThatThrownBy(() -> readAll(pain, "pain.xml")).isInstanceOfSatisfying(FormatException.class, e -> {
            assertThat(e.violation().code()).isEqualTo(CamtViolation.CAMT_UNSUPPORTED_MESSAGE);
            assertThat(e.violation().rawValue()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <Amt Ccy="EUR">8.85</Amt>     | <Amt Ccy="EUR">8,85</Amt>   | CAMT_BAD_AMOUNT
            <Amt Ccy="EUR">8.85</Amt>     | <Amt Ccy="EUX">8.85</Amt>   | CAMT_UNKNOWN_CURRENCY
            <Amt Ccy="EUR">8.85</Amt>     | <Amt>8.85</Amt>             | CAMT_MISSING_FIELD
            <CdtDbtInd>CRDT</CdtDbtInd>   | <CdtDbtInd>CR</CdtDbtInd>   | CAMT_BAD_CREDIT_DEBIT_INDICATOR
            <RvslInd>false</RvslInd>      | <RvslInd>no</RvslInd>       | CAMT_BAD_REVERSAL_INDICATOR
            <Dt>2015-01-02</Dt>           | <Dt>2015-02-30</Dt>         | CAMT_BAD_DATE
            <Dt>2015-01-02</Dt>           | <Dt>2015-1-02</Dt>          | CAMT_BAD_DATE
            <Dt>2015-01-02</Dt>           | <Dt>2015-01-0x</Dt>         | CAMT_BAD_DATE
            """)
    void an_unreadable_entry_field_is_its_own_violation_and_reading_goes_on(String good, String bad, String code) {
        String xml = new String(fixture("camt053/camt.053.001.02-multi-statement.xml"), StandardCharsets.UTF_8);
        int ntry = xml.indexOf("<Ntry>");
        String broken = xml.substring(0, ntry) + xml.substring(ntry).replaceFirst(java.util.regex.Pattern.quote(good),
                java.util.regex.Matcher.quoteReplacement(bad));

        List<Violation> v = CamtValidator.validate(stream(broken.getBytes(StandardCharsets.UTF_8)), "b.xml");

        assertThat(codes(v)).first().isEqualTo(code);
        assertThat(only(readAll(broken.getBytes(StandardCharsets.UTF_8), "b.xml"), CamtEntry.class)).hasSize(2);
    }

    @Test
    void a_utf8_byte_order_mark_and_a_declared_latin1_encoding_are_decoded_right() {
        String xml = new String(fixture("camt053/camt.053.001.02-multi-statement.xml"), StandardCharsets.UTF_8)
                .replace("Company Name 1", "Société Générale");
        byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        byte[] latin1 = xml.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .getBytes(StandardCharsets.ISO_8859_1);

        for (byte[] bytes : List.of(withBom, latin1)) {
            assertThat(only(readAll(bytes, "enc.xml"), CamtEntry.class).get(0).transactions().get(0).creditorName())
                    .isEqualTo("Société Générale");
        }
    }

    @Test
    void an_invalid_utf8_byte_is_a_format_exception_not_a_crash() {
        byte[] bytes = fixture("camt053/camt.053.001.02-multi-statement.xml").clone();
        bytes[600] = (byte) 0xFF;

        assertThatThrownBy(() -> readAll(bytes, "bad.xml")).isInstanceOfSatisfying(FormatException.class, e -> {
            assertThat(e.violation().code()).isEqualTo(CamtViolation.CAMT_MALFORMED_XML);
            assertThat(e.violation().message()).contains("not valid in the file's encoding");
        });
    }
}
