package dev.settle.formats.nacha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every fixture in fixtures/nacha: what it contains and what the validator says about it. */
class NachaFixturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file,                        batches, entries, addenda, debitMinor, creditMinor, entryHash
        "NACHA_SAMPLE_TEL_REVERSAL.ach, 1,       2,       0,       685100,     685100,      5201918",
        "ccd-debit.ach,                 1,       2,       0,       500125,     0,           46276020",
        "cor-example.ach,               1,       1,       1,       0,          0,           23138010",
        "dishonored-return.ach,         1,       2,       2,       48000,      0,           24208576",
        "iat-mixedDebitCredit.ach,      1,       2,       18,      100000,     100000,      24208576",
        "ppd-mixedDebitCredit.ach,      1,       3,       0,       200000000,  200000000,   69414030",
        "return-WEB.ach,                2,       2,       2,       12354,      4565,        18280120",
        "web-debit.ach,                 3,       6,       0,       15000,      26820,       50600106",
    })
    void a_valid_fixture_parses_and_validates_clean_with_its_real_totals(String file, long batches, long entries,
            long addenda, long debitMinor, long creditMinor, long entryHash) {
        NachaValidation v = NachaValidator.validate(
                new java.io.ByteArrayInputStream(NachaTestFiles.bytes(file)), file);

        assertThat(v.violations()).isEmpty();
        assertThat(v.totals()).isEqualTo(
                new NachaControlTotals(batches, entries, addenda, debitMinor, creditMinor, entryHash));
    }

    @Test
    void short_line_ach_is_rejected_for_its_74_char_file_control_on_line_5_only() {
        NachaValidation v = NachaTestFiles.validate(NachaTestFiles.text("short-line.ach"), "short-line.ach");

        assertThat(v.violations()).singleElement().satisfies(viol -> {
            assertThat(viol.code()).isEqualTo(NachaViolation.NACHA_LINE_LENGTH);
            assertThat(viol.line()).isEqualTo(5);
            assertThat(viol.recordType()).isEqualTo(FileControl.TYPE_NAME);
            assertThat(viol.file()).isEqualTo("short-line.ach");
        });
        // Lenient parse still yields the padded control totals: 1 entry, 1,000,000.00 USD debit.
        assertThat(v.totals().debitTotalMinor()).isEqualTo(100_000_000L);
    }

    /**
     * 20110805A.ach's file control claims 5 batches, but the file holds 4 (batch numbers 1, 3, 4,
     * 5: batch 2 is absent); entry count, hash and totals of the 4 batches do match. SOURCES.md
     * does not list this; the validator reports it.
     */
    @Test
    void file_20110805A_validates_except_its_file_control_batch_count_of_5_for_4_batches() {
        NachaValidation v = NachaTestFiles.validate(NachaTestFiles.text("20110805A.ach"), "20110805A.ach");

        assertThat(v.violations()).extracting(Violation::code, Violation::line, Violation::rawValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        NachaViolation.NACHA_FILE_BATCH_COUNT_MISMATCH, 93L, "000005"));
        assertThat(v.totals()).isEqualTo(new NachaControlTotals(4, 48, 35, 5_101_000, 200, 136_685_201));
        assertThat(v.recordCounts()).containsEntry("entries", 48L).containsEntry("addenda", 35L);
    }
}
