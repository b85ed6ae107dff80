package dev.settle.formats.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Read → write with {@link NachaRawWriter} → byte-identical. Rule: the writer repeats the line
 * separator of the original's first line and terminates the last line only if the original did.
 */
class NachaReaderRoundTripTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"20110805A.ach", "NACHA_SAMPLE_TEL_REVERSAL.ach", "ccd-debit.ach", "cor-example.ach",
        "dishonored-return.ach", "iat-mixedDebitCredit.ach", "ppd-mixedDebitCredit.ach", "return-WEB.ach",
        "web-debit.ach"})
    void a_valid_fixture_is_written_back_byte_for_byte_from_its_parsed_fields(String file) {
        byte[] original = NachaTestFiles.bytes(file);

        assertThat(roundTrip(original)).isEqualTo(original);
    }

    @Test
    void crlf_line_endings_are_kept_on_the_way_back() {
        byte[] crlf = NachaTestFiles.text("ppd-mixedDebitCredit.ach").replace("\n", "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(roundTrip(crlf)).isEqualTo(crlf);
        assertThat(NachaTestFiles.validate(new String(crlf, StandardCharsets.ISO_8859_1), "crlf.ach").violations())
                .isEmpty();
    }

    @Test
    void reads_a_file_without_trailing_newline_with_line_numbers_and_filler() {
        List<NachaRecord> records = NachaTestFiles.readAll(NachaTestFiles.text("ccd-debit.ach"));

        assertThat(records).hasSize(10);
        assertThat(records.get(0)).isInstanceOf(FileHeader.class);
        assertThat(records.get(2)).isInstanceOfSatisfying(EntryDetail.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.transactionCode()).isEqualTo("27");
            assertThat(e.routingNumber()).isEqualTo("231380104");
            assertThat(e.dfiAccountNumber().trim()).isEqualTo("744-5678-99");
            assertThat(e.amountUsd()).contains(dev.settle.money.Money.ofMinor(500000, "USD"));
            assertThat(e.individualName().trim()).isEqualTo("Best Co. #123456789012");
        });
        assertThat(records.get(5)).isInstanceOf(FileControl.class);
        assertThat(records.subList(6, 10)).allSatisfy(r -> assertThat(r).isInstanceOf(FillerRecord.class));
        assertThat(records.get(9).line()).isEqualTo(10);
    }

    @Test
    void keeps_iat_addenda_10_to_18_as_raw_addenda() {
        List<NachaRecord> records = NachaTestFiles.readAll(NachaTestFiles.text("iat-mixedDebitCredit.ach"));

        assertThat(records).filteredOn(r -> r instanceof RawAddenda).extracting(r -> ((RawAddenda) r).addendaTypeCode())
                .containsExactly("10", "11", "12", "13", "14", "15", "16", "17", "17", "18",
                        "10", "11", "12", "13", "14", "15", "16", "18");
    }

    @Test
    void counts_skipped_empty_lines_and_cr_only_endings_in_line_numbers() {
        String text = NachaTestFiles.text("ppd-mixedDebitCredit.ach").replaceFirst("\n", "\r\r");

        List<NachaRecord> records = NachaTestFiles.readAll(text);

        assertThat(records.get(1)).isInstanceOf(BatchHeader.class);
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    private static byte[] roundTrip(byte[] original) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NachaReader reader = new NachaReader(new ByteArrayInputStream(original), "f")) {
            NachaRawWriter.copy(reader, out);
        }
        return out.toByteArray();
    }
}
