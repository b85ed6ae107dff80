package dev.settle.formats.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FormatException;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NachaReturnsTest {

    private static List<ReturnEntry> returns(String file) {
        try (var s = NachaReturns.stream(new ByteArrayInputStream(NachaTestFiles.bytes(file)), file)) {
            return s.toList();
        }
    }

    @Test
    void return_WEB_yields_an_R01_and_an_R03_with_original_traces_and_amounts() {
        List<ReturnEntry> r = returns("return-WEB.ach");

        assertThat(r).extracting(ReturnEntry::code, ReturnEntry::originalTraceNumber, ReturnEntry::amount,
                        ReturnEntry::transactionCode, ReturnEntry::standardEntryClassCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("R01", "091400600000001", Money.ofMinor(12354, "USD"), "26", "WEB"),
                        org.assertj.core.groups.Tuple.tuple("R03", "091400600000003", Money.ofMinor(4565, "USD"), "21", "WEB"));
        assertThat(r.get(0).reasonText()).isEqualTo("Insufficient funds");
        assertThat(r.get(1).reasonText()).isEqualTo("No account / unable to locate account");
        assertThat(r).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(ReturnEntry.Kind.RETURN);
            assertThat(e.correctedData()).isNull();
        });
        assertThat(r.get(0).line()).isEqualTo(3);
        assertThat(r.get(0).individualName()).isEqualTo("Paul Jones");
    }

    @Test
    void dishonored_return_yields_two_R68_untimely_returns() {
        List<ReturnEntry> r = returns("dishonored-return.ach");

        assertThat(r).extracting(ReturnEntry::code, ReturnEntry::amount, ReturnEntry::originalTraceNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("R68", Money.ofMinor(25000, "USD"), "059999990000301"),
                        org.assertj.core.groups.Tuple.tuple("R68", Money.ofMinor(23000, "USD"), "059999990000301"));
        assertThat(r).allSatisfy(e -> {
            assertThat(e.reasonText()).isEqualTo("Untimely return");
            assertThat(e.addendaInformation()).endsWith("Untimely Return");
        });
    }

    @Test
    void cor_example_yields_a_C01_notification_with_the_corrected_account_number() {
        List<ReturnEntry> r = returns("cor-example.ach");

        assertThat(r).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ReturnEntry.Kind.NOTIFICATION_OF_CHANGE);
            assertThat(e.code()).isEqualTo("C01");
            assertThat(e.reasonText()).isEqualTo("Incorrect DFI account number");
            assertThat(e.originalTraceNumber()).isEqualTo("121042880000001");
            assertThat(e.correctedData()).isEqualTo("1918171614");
            assertThat(e.originalReceivingDfi()).isEqualTo("12104288");
            assertThat(e.amount()).isEqualTo(Money.ofMinor(0, "USD"));
            assertThat(e.standardEntryClassCode()).isEqualTo("COR");
        });
    }

    @Test
    void a_payment_file_without_return_addenda_yields_no_returns() {
        assertThat(returns("ppd-mixedDebitCredit.ach")).isEmpty();
    }

    @Test
    void rejects_a_return_whose_amount_is_not_numeric() {
        String bad = NachaTestFiles.overwrite(NachaTestFiles.text("return-WEB.ach"), 3, 30, "00000A2354");

        assertThatThrownBy(() -> NachaReturns.stream(
                        new ByteArrayInputStream(bad.getBytes(StandardCharsets.ISO_8859_1)), "r.ach").toList())
                .isInstanceOf(FormatException.class)
                .satisfies(e -> {
                    FormatException f = (FormatException) e;
                    assertThat(f.violation().code()).isEqualTo(NachaViolation.NACHA_BAD_AMOUNT);
                    assertThat(f.violation().line()).isEqualTo(3);
                    assertThat(f.violation().rawValue()).isEqualTo("00000A2354");
                });
    }
}
