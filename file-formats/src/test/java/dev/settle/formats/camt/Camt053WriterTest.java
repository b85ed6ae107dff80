package dev.settle.formats.camt;

import static dev.settle.formats.camt.CamtReaderTest.only;
import static dev.settle.formats.camt.CamtReaderTest.readAll;
import static dev.settle.formats.camt.IsoFixtures.fixture;
import static dev.settle.formats.camt.IsoFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class Camt053WriterTest {

    /** Re-emits every record as read; balance checking off so a bank's inconsistent file can be re-emitted. */
    static byte[] rewrite(List<CamtRecord> records, CamtMessage version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Camt053Writer w = new Camt053Writer(out, version, false)) {
            for (CamtRecord r : records) {
                if (r instanceof CamtGroupHeader h) {
                    w.writeGroupHeader(h.messageId(), h.creationDateTime());
                } else if (r instanceof CamtStatement s) {
                    w.startStatement(s);
                } else if (r instanceof CamtEntry e) {
                    w.writeEntry(e);
                } else {
                    w.endStatement();
                }
            }
        }
        return out.toByteArray();
    }

    private static final RecursiveComparisonConfiguration IGNORE_LOCATIONS = RecursiveComparisonConfiguration.builder()
            .withIgnoredFieldsMatchingRegexes(".*location").build();

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            camt.053.001.02-finland-sample.xml                  | CAMT053_001_02 | camt.053.001.02.xsd
            camt.053.001.02-five-decimals.xml                   | CAMT053_001_02 | camt.053.001.02.xsd
            camt.053.001.02-goldman-sachs-uk-2stmts-eur-gbp.xml | CAMT053_001_02 | camt.053.001.02.xsd
            camt.053.001.02-goldman-sachs-us.xml                | CAMT053_001_02 | camt.053.001.02.xsd
            camt.053.001.02-ing.xml                             | CAMT053_001_02 | camt.053.001.02.xsd
            camt.053.001.02-multi-statement.xml                 | CAMT053_001_02 | camt.053.001.02.xsd
            camt.053.001.04-postfinance.xml                     | CAMT053_001_02 | camt.053.001.02.xsd
            camt.053.001.08-genkgo.xml                          | CAMT053_001_08 | camt.053.001.08.xsd
            camt.053.001.02-multi-statement.xml                 | CAMT053_001_08 | camt.053.001.08.xsd
            camt.053.001.02-ing.xml                             | CAMT053_001_08 | camt.053.001.08.xsd
            """)
    void read_write_read_gives_equal_records_and_schema_valid_output(String file, CamtMessage version, String xsd) {
        List<CamtRecord> first = readAll(fixture("camt053/" + file), file);

        byte[] written = rewrite(first, version);

        assertThat(IsoFixtures.xsdErrors(written, xsd)).isEmpty();
        List<CamtRecord> second = readAll(written, "rewritten.xml");
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            CamtRecord a = first.get(i);
            CamtRecord b = second.get(i);
            if (a instanceof CamtGroupHeader ha) {
                // the version is the one written, everything else is the same
                assertThat(((CamtGroupHeader) b).messageId()).isEqualTo(ha.messageId());
            } else {
                assertThat(b).usingRecursiveComparison(IGNORE_LOCATIONS).isEqualTo(a);
            }
        }
    }

    @Test
    void a_bank_remittance_line_longer_than_max140_is_refused_before_writing() {
        List<CamtRecord> abn = readAll(fixture("camt053/camt.053.001.02-abn-amro-batched.xml"), "a.xml");

        assertThatThrownBy(() -> rewrite(abn, CamtMessage.CAMT053_001_02))
                .isInstanceOfSatisfying(CamtWriterException.class, e -> {
                    assertThat(e.field()).isEqualTo("Ntry/NtryDtls/TxDtls/RmtInf/Ustrd");
                    assertThat(e.value()).hasSize(204);
                });
    }

    static CamtStatement statement(String id, Money opening, Money closing) {
        return new CamtStatement(1, id, "1", "1", "2024-01-31T18:00:00+01:00", "NL91ABNA0417164300", null,
                opening.currency(), List.of(
                        new CamtBalance("OPBD", opening, opening.isNegative() ? CreditDebit.DBIT : CreditDebit.CRDT,
                                LocalDate.of(2024, 1, 30), XmlLocation.NONE),
                        new CamtBalance("CLBD", closing, closing.isNegative() ? CreditDebit.DBIT : CreditDebit.CRDT,
                                LocalDate.of(2024, 1, 31), XmlLocation.NONE)),
                XmlLocation.NONE);
    }

    static CamtEntry entry(long n, Money amount, CreditDebit cd) {
        CamtTransaction tx = new CamtTransaction("E2E-" + n, null, "INSTR-" + n, null, amount, null,
                List.of("Invoice " + n), null, "Payer " + n, "DE89370400440532013000", null, null, XmlLocation.NONE);
        return new CamtEntry(1, amount, cd, false, "BOOK", LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31),
                "REF-" + n, "PMNT/RCDT/ESCT", null, null, List.of(tx), XmlLocation.NONE);
    }

    static byte[] demoStatement(CamtMessage version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Camt053Writer w = new Camt053Writer(out, version)) {
            w.writeGroupHeader("SETTLE-DEMO-1", "2024-01-31T18:00:00+01:00");
            w.startStatement(statement("STMT-2024-01-31", Money.parse("100.00 EUR"), Money.parse("112.50 EUR")));
            w.writeEntry(entry(1, Money.parse("20.00 EUR"), CreditDebit.CRDT));
            w.writeEntry(entry(2, Money.parse("7.50 EUR"), CreditDebit.DBIT));
            w.endStatement();
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(value = CamtMessage.class, names = {"CAMT053_001_02", "CAMT053_001_08"})
    void writes_the_golden_statement_valid_against_the_official_schema(CamtMessage version) {
        byte[] xml = demoStatement(version);
        String text = new String(xml, StandardCharsets.UTF_8);

        assertThat(text).isEqualTo(IsoFixtures.golden("camt/demo-" + version.id() + ".xml", text));
        assertThat(IsoFixtures.xsdErrors(xml, version.id() + ".xsd")).isEmpty();
        assertThat(CamtValidator.validate(stream(xml), "demo.xml")).isEmpty();
    }

    @Test
    void refuses_a_statement_whose_entries_do_not_reach_the_closing_balance() {
        Camt053Writer w = new Camt053Writer(OutputStream.nullOutputStream(), CamtMessage.CAMT053_001_02);
        w.writeGroupHeader("M", "2024-01-31T18:00:00");
        w.startStatement(statement("S", Money.parse("100.00 EUR"), Money.parse("100.00 EUR")));
        w.writeEntry(entry(1, Money.parse("1.00 EUR"), CreditDebit.CRDT));

        assertThatThrownBy(w::endStatement).isInstanceOfSatisfying(CamtWriterException.class,
                e -> assertThat(e.getMessage()).contains("opening + booked entries = 101.00 EUR"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            endToEndId   | 123456789012345678901234567890123456 | Ntry/NtryDtls/TxDtls/Refs/EndToEndId
            debtorIban   | NL-NOT-AN-IBAN                       | Ntry/NtryDtls/TxDtls/RltdPties/DbtrAcct/Id/IBAN
            status       | BOOKED                               | Ntry/Sts
            domain       | PMNT/RCDT                            | Ntry/BkTxCd/Domn
            """)
    void refuses_an_entry_field_beyond_its_schema_limit(String field, String value, String path) {
        CamtEntry good = entry(1, Money.parse("1.00 EUR"), CreditDebit.CRDT);
        CamtTransaction t = good.transactions().get(0);
        CamtEntry bad = switch (field) {
            case "endToEndId" -> withTx(good, new CamtTransaction(value, null, null, null, t.amount(), null,
                    List.of(), null, null, null, null, null, XmlLocation.NONE));
            case "debtorIban" -> withTx(good, new CamtTransaction(null, null, null, null, t.amount(), null,
                    List.of(), null, null, value, null, null, XmlLocation.NONE));
            case "status" -> new CamtEntry(1, good.amount(), good.creditDebit(), false, value, null, null, null,
                    null, null, null, List.of(), XmlLocation.NONE);
            default -> new CamtEntry(1, good.amount(), good.creditDebit(), false, "BOOK", null, null, null,
                    value, null, null, List.of(), XmlLocation.NONE);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Camt053Writer w = new Camt053Writer(out, CamtMessage.CAMT053_001_02);
        w.writeGroupHeader("M", "2024-01-31T18:00:00");
        w.startStatement(statement("S", Money.parse("0.00 EUR"), Money.parse("1.00 EUR")));
        int before = out.size();

        assertThatThrownBy(() -> w.writeEntry(bad)).isInstanceOfSatisfying(CamtWriterException.class,
                e -> assertThat(e.field()).isEqualTo(path));
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8).substring(before)).doesNotContain("<Ntry>");
    }

    private static CamtEntry withTx(CamtEntry e, CamtTransaction t) {
        return new CamtEntry(1, e.amount(), e.creditDebit(), false, "BOOK", null, null, null, null, null, null,
                List.of(t), XmlLocation.NONE);
    }

    @Test
    void refuses_a_balance_code_that_version_02_does_not_know() {
        CamtStatement s = new CamtStatement(1, "S", null, null, "2024-01-31T18:00:00", "NL91ABNA0417164300", null,
                CurrencyUnit.EUR, List.of(new CamtBalance("XYZ", Money.parse("1.00 EUR"), CreditDebit.CRDT,
                        LocalDate.of(2024, 1, 1), XmlLocation.NONE)), XmlLocation.NONE);
        Camt053Writer w = new Camt053Writer(OutputStream.nullOutputStream(), CamtMessage.CAMT053_001_02);
        w.writeGroupHeader("M", "2024-01-31T18:00:00");

        assertThatThrownBy(() -> w.startStatement(s)).isInstanceOfSatisfying(CamtWriterException.class,
                e -> assertThat(e.field()).isEqualTo("Bal/Tp/CdOrPrtry/Cd"));
    }

    @Test
    void streams_many_entries_and_reads_them_back_without_holding_them() {
        int n = 50_000;
        Money each = Money.parse("0.01 EUR");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Camt053Writer w = new Camt053Writer(out, CamtMessage.CAMT053_001_08)) {
            w.writeGroupHeader("BULK", "2024-01-31T18:00:00Z");
            w.startStatement(statement("BULK-1", Money.parse("0.00 EUR"), Money.ofMinor(n, CurrencyUnit.EUR)));
            for (long i = 0; i < n; i++) {
                w.writeEntry(entry(i, each, CreditDebit.CRDT));
            }
            w.endStatement();
            assertThat(w.entriesWritten()).isEqualTo(n);
        }

        long entries = 0;
        CamtValidator validator = new CamtValidator("bulk.xml");
        try (CamtReader r = CamtReader.open(stream(out.toByteArray()), "bulk.xml")) {
            while (r.hasNext()) {
                CamtRecord rec = r.next();
                validator.accept(rec);
                entries += rec instanceof CamtEntry ? 1 : 0;
            }
        }
        assertThat(entries).isEqualTo(n);
        assertThat(validator.violations()).isEmpty();
    }
}
