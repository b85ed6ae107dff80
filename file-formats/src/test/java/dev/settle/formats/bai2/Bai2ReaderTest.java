package dev.settle.formats.bai2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Bai2ReaderTest {

    /**
     * Every fixture: logical records by type (01 02 03 16 49 98 99) and the exact violations.
     * moov-sample4's trailers do not match its content (the origin added 88 continuations without
     * fixing the 49/98/99 counts and totals), so it must report the mismatches.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "moj-account-trailer-amount-blank.bai2; 1 1 2 0 2 1 1; ''",
        "moj-citi-gbp.bai2;                     1 1 1 1 1 1 1; ''",
        "moj-natwest-gbp.bai2;                  1 1 1 5 1 1 1; ''",
        "moj-svb-usd.bai2;                      1 2 2 2 2 2 1; ''",
        "moov-parse-error.bai2;                 0 0 0 0 0 0 0; BAI2_UNKNOWN_RECORD_CODE BAI2_MISSING_RECORD",
        "moov-sample1-cad-returned-items.bai2;  1 1 2 17 2 1 1; ''",
        "moov-sample2-multi-group.bai2;         1 4 5 4 5 4 1; ''",
        "moov-sample3-multi-record-lines.bai2;  1 1 15 26 15 1 1; ''",
        "moov-sample4-continuations.bai2;       1 1 5 17 5 1 1; BAI2_ACCOUNT_CONTROL_TOTAL_MISMATCH BAI2_ACCOUNT_RECORD_COUNT_MISMATCH BAI2_ACCOUNT_CONTROL_TOTAL_MISMATCH BAI2_ACCOUNT_RECORD_COUNT_MISMATCH BAI2_GROUP_CONTROL_TOTAL_MISMATCH BAI2_GROUP_ACCOUNT_COUNT_MISMATCH BAI2_GROUP_RECORD_COUNT_MISMATCH BAI2_FILE_RECORD_COUNT_MISMATCH",
    })
    void reads_every_fixture_with_its_record_counts_and_exact_violations(String file, String counts, String codes) {
        Bai2Fixtures.Result r = Bai2Fixtures.read(file);

        String actual = String.join(" ", List.of("01", "02", "03", "16", "49", "98", "99").stream()
                .map(c -> String.valueOf(r.records().stream().filter(x -> x.recordCode().equals(c)).count())).toList());
        assertThat(actual).isEqualTo(counts);
        assertThat(r.codes()).containsExactlyElementsOf(codes.isBlank() ? List.of() : List.of(codes.split(" ")));
    }

    @Test
    void reports_the_unknown_record_code_00_with_evidence() {
        Violation v = Bai2Fixtures.read("moov-parse-error.bai2").violations().get(0);

        assertThat(v.code()).isEqualTo(Bai2Violation.BAI2_UNKNOWN_RECORD_CODE);
        assertThat(v.rawValue()).isEqualTo("00");
        assertThat(v.line()).isEqualTo(1);
        assertThat(v.file()).isEqualTo("moov-parse-error.bai2");
    }

    @Test
    void reads_implied_decimals_in_the_group_currency_and_signed_summaries() {
        Bai2Fixtures.Result r = Bai2Fixtures.read("moov-sample1-cad-returned-items.bai2");

        Bai2AccountIdentifier account = r.of(Bai2AccountIdentifier.class).get(0);
        assertThat(account.currency()).isEqualTo(CurrencyUnit.of("CAD"));
        assertThat(account.summaries()).extracting(Bai2Summary::typeCode).containsExactly("040", "045", "100", "400");
        assertThat(account.summaries().get(2).amount()).isEqualTo(Money.ofMinor(208500, "CAD"));
        assertThat(account.summaries().get(2).itemCount()).isEqualTo(3);
        assertThat(account.summaries().get(2).funds().valueDate()).isEqualTo(LocalDate.of(2006, 3, 16));
        assertThat(account.physicalRecords()).isEqualTo(2);
        Bai2TransactionDetail first = r.of(Bai2TransactionDetail.class).get(0);
        assertThat(first.typeCode()).isEqualTo("409");
        assertThat(first.direction()).isEqualTo(Bai2TypeCode.DEBIT);
        assertThat(first.amount()).isEqualTo(Money.ofMinor(2500, "CAD"));
        assertThat(first.text()).isEqualTo("RETURNED CHEQUE     ");
        assertThat(r.of(Bai2AccountTrailer.class).get(0).controlTotal()).isEqualTo(834000L);
    }

    @Test
    void reads_funds_types_s_v_d_and_summaries_continued_over_88_records() {
        Bai2Fixtures.Result r = Bai2Fixtures.read("moov-sample2-multi-group.bai2");

        Bai2TransactionDetail s = r.of(Bai2TransactionDetail.class).get(0);
        assertThat(s.funds().type()).isEqualTo("S");
        assertThat(s.funds().immediate()).isEqualTo(Money.ofMinor(100000, "USD")); // no currency anywhere: USD
        assertThat(s.funds().twoOrMoreDays()).isEqualTo(Money.ofMinor(150000, "USD"));
        Bai2TransactionDetail v = r.of(Bai2TransactionDetail.class).get(2);
        assertThat(v.funds().valueDate()).isEqualTo(LocalDate.of(2004, 6, 22));
        assertThat(v.bankReference()).isEqualTo("SP4738");
        assertThat(v.customerReference()).isEqualTo("YRC065321");
        assertThat(v.continuations()).containsExactly("PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO");
        Bai2AccountIdentifier split = r.of(Bai2AccountIdentifier.class).get(1);
        assertThat(split.summaries()).extracting(Bai2Summary::typeCode)
                .containsExactly("010", "100", "400", "190", "110", "072", "074", "040");
        assertThat(split.summaries().get(0).amount()).isEqualTo(Money.ofMinor(-500000, "USD"));
        assertThat(split.summaries().get(7).amount()).isEqualTo(Money.ofMinor(-1500000, "USD"));
        Bai2AccountIdentifier distributed = r.of(Bai2AccountIdentifier.class).get(3);
        assertThat(distributed.summaries().get(2).funds().distribution()).containsExactly(
                new Bai2Funds.Distribution(0, Money.ofMinor(20000000, "USD")),
                new Bai2Funds.Distribution(1, Money.ofMinor(30000000, "USD")),
                new Bai2Funds.Distribution(3, Money.ofMinor(20000000, "USD")));
        assertThat(r.of(Bai2GroupHeader.class).get(3).groupStatus()).isEqualTo("3");
    }

    @Test
    void splits_several_records_on_one_line_and_joins_a_wrapped_text_line() {
        Bai2Fixtures.Result r = Bai2Fixtures.read("moov-sample3-multi-record-lines.bai2");

        assertThat(r.records().get(1)).isInstanceOf(Bai2GroupHeader.class);
        assertThat(r.records().get(1).line()).isEqualTo(1);
        List<Bai2TransactionDetail> details = r.of(Bai2TransactionDetail.class);
        assertThat(details.get(0).text()).isEqualTo("TRANSFER   PAYPAL             PPD");
        assertThat(details.get(1).text()).isEqualTo("TRANSFER   MSPBNA BANK        PPD");
        assertThat(details.get(1).line()).isEqualTo(details.get(0).line());
        assertThat(details.get(0).funds().type()).isEqualTo("Z");
        Bai2TransactionDetail wrapped = details.stream().filter(d -> d.line() == 18).findFirst().orElseThrow();
        assertThat(wrapped.text()).isEqualTo("111111     ACH_SETL           1111111111111111111111111        ");
        assertThat(wrapped.continuations()).containsExactly("       1111111111");
    }

    @Test
    void keeps_commas_in_unterminated_text_and_each_88_apart() {
        Bai2Fixtures.Result r = Bai2Fixtures.read("moov-sample4-continuations.bai2");

        Bai2TransactionDetail d = r.of(Bai2TransactionDetail.class).get(0);
        assertThat(d.bankReference()).isEqualTo("SPB2322984714570");
        assertThat(d.customerReference()).isEqualTo("1111");
        assertThat(d.text()).isEqualTo("ACH Credit Payment,Entry Description: EXP; -, SEC: CCD, Client Ref ID: 1111, GS ID: SPB2322984714570");
        assertThat(d.continuations()).containsExactly("EREF: 1111", "DBNM: TEST INC", "CACT: ACHCONTROLOUTUSD01");
        assertThat(d.physicalRecords()).isEqualTo(4);
    }

    @Test
    void reads_a_slash_inside_88_text_as_text() {
        Bai2Fixtures.Result r = Bai2Fixtures.read("moj-citi-gbp.bai2");

        Bai2TransactionDetail d = r.of(Bai2TransactionDetail.class).get(0);
        assertThat(d.continuations()).hasSize(7).contains("PY:RP1231231231231200                 A1234BC 22/03/66");
        assertThat(d.funds().type()).isEqualTo("V");
        assertThat(d.amount()).isEqualTo(Money.ofMinor(1, "GBP"));
    }

    @Test
    void keeps_a_non_standard_creation_time_and_reads_account_currency_over_group() {
        Bai2Fixtures.Result r = Bai2Fixtures.read("moj-natwest-gbp.bai2");

        assertThat(r.of(Bai2FileHeader.class).get(0).creationTime()).isEqualTo("14:59:35");
        Bai2AccountIdentifier a = r.of(Bai2AccountIdentifier.class).get(0);
        assertThat(a.accountNumber()).isEqualTo("88888888 600004");
        assertThat(a.currency()).isEqualTo(CurrencyUnit.GBP);
        assertThat(a.summaries()).hasSize(9);
    }

    /** Decision: a blank 49 total is accepted when the account has nothing to total, else reported. */
    @Test
    void accepts_a_blank_account_control_total_only_when_the_account_sums_to_zero() {
        Bai2Fixtures.Result clean = Bai2Fixtures.read("moj-account-trailer-amount-blank.bai2");
        assertThat(clean.of(Bai2AccountTrailer.class)).allSatisfy(t -> assertThat(t.controlTotal()).isNull());
        assertThat(clean.violations()).isEmpty();

        String withActivity = new String(Bai2Fixtures.bytes("moj-account-trailer-amount-blank.bai2"), StandardCharsets.US_ASCII)
                .replaceFirst("03,12345,/\n49,,2/", "03,12345,,015,500,,/\n49,,2/");
        Bai2Fixtures.Result bad = Bai2Fixtures.read(withActivity.getBytes(StandardCharsets.US_ASCII), "blank.bai2");
        assertThat(bad.codes()).containsExactly("BAI2_CONTROL_TOTAL_BLANK");
        assertThat(bad.violations().get(0).line()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
        "16,409,12A4,V,060316,,,,X/;                      BAI2_BAD_AMOUNT",
        "16,015,100,,,,X/;                                BAI2_BAD_TYPE_CODE",
        "16,409,100,Q,,,X/;                               BAI2_BAD_FUNDS_TYPE",
        "16,409,100,V,060231,,,,X/;                       BAI2_INVALID_DATE",
        "XX,409/;                                         BAI2_MALFORMED_RECORD",
    })
    void reports_a_bad_detail_field_with_its_code(String line, String code) {
        String file = "01,A,B,060321,0829,1,,,2/\n02,A,B,1,060317,,USD,/\n03,1,USD,/\n" + line + "\n49,0,3/\n98,0,1,5/\n99,0,1,7/\n";

        Bai2Fixtures.Result r = Bai2Fixtures.read(file.getBytes(StandardCharsets.US_ASCII), "t.bai2");

        assertThat(r.codes()).first().isEqualTo(code);
    }

    @Test
    void reports_every_trailer_that_does_not_match() {
        String file = "01,A,B,060321,0829,1,,,2/\n02,A,B,1,060317,,USD,/\n03,1,USD,010,100,,/\n16,115,50,,,,x/\n"
                + "49,151,5/\n98,999,2,9/\n99,5,3,1/\n";

        Bai2Fixtures.Result r = Bai2Fixtures.read(file.getBytes(StandardCharsets.US_ASCII), "t.bai2");

        assertThat(r.codes()).containsExactly("BAI2_ACCOUNT_CONTROL_TOTAL_MISMATCH", "BAI2_ACCOUNT_RECORD_COUNT_MISMATCH",
                "BAI2_GROUP_CONTROL_TOTAL_MISMATCH", "BAI2_GROUP_ACCOUNT_COUNT_MISMATCH", "BAI2_GROUP_RECORD_COUNT_MISMATCH",
                "BAI2_FILE_CONTROL_TOTAL_MISMATCH", "BAI2_FILE_GROUP_COUNT_MISMATCH", "BAI2_FILE_RECORD_COUNT_MISMATCH");
    }

    @Test
    void reports_broken_nesting() {
        String file = "16,115,50,,,,x/\n01,A,B,060321,0829,1,,,2/\n03,1,USD,/\n";

        Bai2Fixtures.Result r = Bai2Fixtures.read(file.getBytes(StandardCharsets.US_ASCII), "t.bai2");

        assertThat(r.codes()).containsExactly("BAI2_MISSING_RECORD", "BAI2_UNEXPECTED_RECORD", "BAI2_UNEXPECTED_RECORD",
                "BAI2_UNEXPECTED_RECORD", "BAI2_MISSING_RECORD");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"010, STATUS", "099, STATUS", "100, CREDIT", "399, CREDIT", "400, DEBIT", "699, DEBIT", "700, LOAN",
        "850, UNASSIGNED", "900, CUSTOM", "999, CUSTOM", "abc, UNASSIGNED"})
    void classifies_type_codes_by_range(String code, Bai2TypeCode expected) {
        assertThat(Bai2TypeCode.of(code)).isEqualTo(expected);
    }
}
