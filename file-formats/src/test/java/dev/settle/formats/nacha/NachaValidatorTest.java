package dev.settle.formats.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule of {@link NachaValidator}, shown by damaging one field of the valid
 * ppd-mixedDebitCredit.ach (1 batch: a 2,000,000.00 debit and two 1,000,000.00 credits).
 */
class NachaValidatorTest {

    private static final String PPD = NachaTestFiles.text("ppd-mixedDebitCredit.ach");

    @ParameterizedTest(name = "line {0} col {1} = ''{2}'' gives {3}")
    @CsvSource(delimiter = '|', value = {
        // line | column | replacement   | expected code                          | reported line
        "1 | 35 | 095          | NACHA_BAD_HEADER_FIELD                 | 1",
        "1 | 38 | 20           | NACHA_BAD_HEADER_FIELD                 | 1",
        "1 | 13 | 5            | NACHA_ROUTING_CHECK_DIGIT              | 1",
        "2 | 2  | 201          | NACHA_UNKNOWN_SERVICE_CLASS            | 2",
        "2 | 2  | 220          | NACHA_SERVICE_CLASS_ENTRY_MISMATCH     | 3",
        "2 | 2  | 225          | NACHA_SERVICE_CLASS_ENTRY_MISMATCH     | 4",
        "2 | 2  | 220          | NACHA_BATCH_HEADER_CONTROL_MISMATCH    | 6",
        "2 | 88 | 0000002      | NACHA_BATCH_HEADER_CONTROL_MISMATCH    | 6",
        "3 | 1  | X            | NACHA_UNKNOWN_RECORD_TYPE              | 3",
        "3 | 2  | 99           | NACHA_UNKNOWN_TRANSACTION_CODE         | 3",
        "3 | 2  | 28           | NACHA_PRENOTE_AMOUNT_NOT_ZERO          | 3",
        "3 | 4  | 2313801X     | NACHA_BAD_ROUTING                      | 3",
        "3 | 12 | 5            | NACHA_ROUTING_CHECK_DIGIT              | 3",
        "3 | 30 | 00000A0000   | NACHA_BAD_AMOUNT                       | 3",
        "3 | 80 | 12104288000000X | NACHA_BAD_NUMERIC                    | 3",
        "3 | 79 | 1            | NACHA_ADDENDA_INDICATOR_MISMATCH       | 3",
        "6 | 5  | 000004       | NACHA_BATCH_ENTRY_COUNT_MISMATCH       | 6",
        "6 | 11 | 0069414031   | NACHA_BATCH_ENTRY_HASH_MISMATCH        | 6",
        "6 | 21 | 000200000001 | NACHA_BATCH_DEBIT_TOTAL_MISMATCH       | 6",
        "6 | 33 | 000200000001 | NACHA_BATCH_CREDIT_TOTAL_MISMATCH      | 6",
        "6 | 5  | 00000X       | NACHA_BAD_NUMERIC                      | 6",
        "7 | 2  | 000002       | NACHA_FILE_BATCH_COUNT_MISMATCH        | 7",
        "7 | 8  | 000002       | NACHA_FILE_BLOCK_COUNT_MISMATCH        | 7",
        "7 | 14 | 00000004     | NACHA_FILE_ENTRY_COUNT_MISMATCH        | 7",
        "7 | 22 | 0069414031   | NACHA_FILE_ENTRY_HASH_MISMATCH         | 7",
        "7 | 32 | 000200000001 | NACHA_FILE_DEBIT_TOTAL_MISMATCH        | 7",
        "7 | 44 | 000200000001 | NACHA_FILE_CREDIT_TOTAL_MISMATCH       | 7",
        "8 | 1  | 8            | NACHA_RECORD_ORDER                     | 8",
    })
    void a_damaged_field_gives_its_specific_code_on_its_line(int line, int column, String replacement,
            NachaViolation expected, long reportedLine) {
        NachaValidation v = NachaTestFiles.validate(NachaTestFiles.overwrite(PPD, line, column, replacement), "ppd.ach");

        assertThat(v.violations()).extracting(Violation::code, Violation::line)
                .contains(org.assertj.core.groups.Tuple.tuple(expected, reportedLine));
        assertThat(v.violations()).allSatisfy(viol -> assertThat(viol.file()).isEqualTo("ppd.ach"));
    }

    @Test
    void a_bad_amount_is_reported_once_without_cascading_total_mismatches() {
        NachaValidation v = NachaTestFiles.validate(NachaTestFiles.overwrite(PPD, 3, 30, "00000A0000"), "ppd.ach");

        assertThat(v.violations()).singleElement().satisfies(viol -> {
            assertThat(viol.code()).isEqualTo(NachaViolation.NACHA_BAD_AMOUNT);
            assertThat(viol.recordType()).isEqualTo("6 Entry Detail");
            assertThat(viol.field()).isEqualTo("amount (30-39)");
            assertThat(viol.rawValue()).isEqualTo("00000A0000");
            assertThat(viol.toString()).isEqualTo(
                    "ppd.ach:3 [NACHA_BAD_AMOUNT] 6 Entry Detail.amount (30-39)='00000A0000': amount is not numeric");
        });
    }

    @Test
    void rejects_a_line_shorter_than_94_chars() {
        NachaValidation v = NachaTestFiles.validate(NachaTestFiles.overwrite(PPD, 4, 1, "6").replace(
                "Credit Account 1        0121042880000002", "Credit Account 1        012104288000000"), "ppd.ach");

        assertThat(v.violations()).extracting(Violation::code).contains(NachaViolation.NACHA_LINE_LENGTH);
        assertThat(v.violations().get(0).line()).isEqualTo(4);
    }

    @Test
    void rejects_an_entry_before_its_batch_header() {
        String[] lines = PPD.split("\n", -1);
        String swapped = lines[0] + "\n" + lines[2] + "\n" + lines[1] + "\n"
                + String.join("\n", Arrays.copyOfRange(lines, 3, lines.length));

        NachaValidation v = NachaTestFiles.validate(swapped, "ppd.ach");

        assertThat(v.violations()).extracting(Violation::code, Violation::line)
                .contains(org.assertj.core.groups.Tuple.tuple(NachaViolation.NACHA_RECORD_ORDER, 2L));
    }

    @Test
    void reports_a_missing_file_control_and_a_missing_batch_control() {
        String[] lines = PPD.split("\n", -1);
        String truncated = String.join("\n", Arrays.copyOfRange(lines, 0, 5));

        NachaValidation v = NachaTestFiles.validate(truncated, "ppd.ach");

        assertThat(v.violations()).extracting(Violation::code).containsExactly(
                NachaViolation.NACHA_MISSING_BATCH_CONTROL, NachaViolation.NACHA_MISSING_FILE_CONTROL);
    }

    @Test
    void reports_an_empty_file() {
        assertThat(NachaTestFiles.validate("", "empty.ach").violations()).extracting(Violation::code)
                .containsExactly(NachaViolation.NACHA_EMPTY_FILE);
    }

    @Test
    void reports_an_unknown_return_reason_code() {
        String bad = NachaTestFiles.overwrite(NachaTestFiles.text("return-WEB.ach"), 4, 4, "R99");

        assertThat(NachaTestFiles.validate(bad, "r.ach").violations()).extracting(Violation::code, Violation::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NachaViolation.NACHA_UNKNOWN_REASON_CODE, 4L));
    }

    @Test
    void reports_an_addenda_indicator_of_1_with_no_addenda_following() {
        String bad = NachaTestFiles.overwrite(NachaTestFiles.text("cor-example.ach"), 4, 1, "8");

        assertThat(NachaTestFiles.validate(bad, "c.ach").violations()).extracting(Violation::code)
                .contains(NachaViolation.NACHA_ADDENDA_INDICATOR_MISMATCH);
    }

    @Test
    void throws_a_format_exception_for_a_line_longer_than_the_reader_accepts() {
        String huge = "1".repeat(NachaReader.MAX_LINE_CHARS + 1);

        assertThatThrownBy(() -> NachaTestFiles.validate(huge, "big.ach"))
                .isInstanceOf(FormatException.class)
                .extracting(e -> ((FormatException) e).violation().code())
                .isEqualTo(NachaViolation.NACHA_LINE_TOO_LONG);
    }
}
