package dev.settle.formats.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NachaWriterTest {

    static final NachaFileSpec FILE = new NachaFileSpec("231380104", "121042882", LocalDateTime.of(2026, 11, 24, 9, 30),
            'A', "Federal Reserve Bank", "Settle Payouts", "PAYOUT01");
    static final NachaBatchSpec PPD = new NachaBatchSpec(NachaBatchSpec.SecCode.PPD, "Settle Inc", "", "1123456789",
            "PAYOUT", "261124", LocalDate.of(2026, 11, 25), "121042882");
    static final NachaBatchSpec CCD = new NachaBatchSpec(NachaBatchSpec.SecCode.CCD, "Settle Inc", "merchant payouts",
            "1123456789", "SETTLEMENT", "", LocalDate.of(2026, 11, 25), "121042882");
    static final OffsetAccount OFFSET = new OffsetAccount(AccountType.CHECKING, "121042882", "900012345", "Settle Inc");

    static NachaCredit credit(AccountType type, String routing, String account, long cents, String id, String name) {
        return new NachaCredit(type, routing, account, Money.ofMinor(cents, CurrencyUnit.USD), id, name, "");
    }

    static List<NachaWriter.Batch> batches() {
        return List.of(
                new NachaWriter.Batch(PPD, List.of(
                        credit(AccountType.CHECKING, "231380104", "12345678", 125_050, "PO-1001", "Jane Doe"),
                        credit(AccountType.SAVINGS, "031300012", "987654321", 9_999, "PO-1002", "John Q Public"))),
                new NachaWriter.Batch(CCD, List.of(
                        credit(AccountType.CHECKING, "091400606", "744-5678-99", 9_999_999_999L, "M-77", "Acme Widgets LLC"))));
    }

    static String write(Optional<OffsetAccount> offset) {
        StringWriter out = new StringWriter();
        NachaWriter.write(out, "payout.ach", FILE, offset, batches());
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"payout-ppd-ccd.ach, false", "payout-ppd-ccd-balanced.ach, true"})
    void writes_exactly_the_golden_file(String golden, boolean balanced) throws IOException {
        String written = write(balanced ? Optional.of(OFFSET) : Optional.empty());

        try (InputStream in = getClass().getResourceAsStream("/golden/nacha/" + golden)) {
            assertThat(written).isEqualTo(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void what_it_writes_reads_back_clean_with_the_same_totals() {
        String written = write(Optional.empty());

        NachaValidation v = NachaTestFiles.validate(written, "payout.ach");

        assertThat(v.violations()).isEmpty();
        assertThat(v.totals()).isEqualTo(new NachaControlTotals(2, 3, 0, 0, 125_050 + 9_999 + 9_999_999_999L,
                23138010 + 3130001 + 9140060));
        assertThat(written.split("\n")).hasSize(10).allSatisfy(l -> assertThat(l).hasSize(94));
        List<NachaRecord> records = NachaTestFiles.readAll(written);
        assertThat(records.get(2)).isInstanceOfSatisfying(EntryDetail.class, e -> {
            assertThat(e.transactionCode()).isEqualTo("22");
            assertThat(e.individualName()).isEqualTo("Jane Doe              ");
            assertThat(e.traceNumber()).isEqualTo("121042880000001");
        });
        assertThat(records.get(3)).isInstanceOfSatisfying(EntryDetail.class,
                e -> assertThat(e.transactionCode()).isEqualTo("32"));
        assertThat(records.get(1)).isInstanceOfSatisfying(BatchHeader.class,
                h -> assertThat(h.serviceClassCode()).isEqualTo("220"));
    }

    @Test
    void a_balanced_file_has_one_offset_debit_per_batch_and_nets_to_zero() {
        NachaValidation v = NachaTestFiles.validate(write(Optional.of(OFFSET)), "balanced.ach");

        assertThat(v.violations()).isEmpty();
        assertThat(v.totals().entryCount()).isEqualTo(5);
        assertThat(v.totals().debitTotalMinor()).isEqualTo(v.totals().creditTotalMinor());
        List<NachaRecord> records = NachaTestFiles.readAll(write(Optional.of(OFFSET)));
        assertThat(records.get(1)).isInstanceOfSatisfying(BatchHeader.class,
                h -> assertThat(h.serviceClassCode()).isEqualTo("200"));
        assertThat(records.get(4)).isInstanceOfSatisfying(EntryDetail.class, e -> {
            assertThat(e.transactionCode()).isEqualTo("27");
            assertThat(e.amount()).isEqualTo("0000135049");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name of 23 chars       | 231380104 | 12345678           | 100        | USD | A name that is too long | NACHA_FIELD_TOO_LONG",
        "non-ASCII name         | 231380104 | 12345678           | 100        | USD | José                    | NACHA_FIELD_INVALID",
        "blank name             | 231380104 | 12345678           | 100        | USD | ' '                     | NACHA_FIELD_REQUIRED",
        "account of 18 chars    | 231380104 | 123456789012345678 | 100        | USD | Jane                    | NACHA_FIELD_TOO_LONG",
        "routing check digit    | 231380105 | 12345678           | 100        | USD | Jane                    | NACHA_ROUTING_CHECK_DIGIT",
        "routing of 8 digits    | 23138010  | 12345678           | 100        | USD | Jane                    | NACHA_BAD_ROUTING",
        "zero amount            | 231380104 | 12345678           | 0          | USD | Jane                    | NACHA_AMOUNT_OUT_OF_RANGE",
        "100,000,000.00 USD     | 231380104 | 12345678           | 10000000000 | USD | Jane                   | NACHA_AMOUNT_OUT_OF_RANGE",
        "EUR                    | 231380104 | 12345678           | 100        | EUR | Jane                    | NACHA_UNSUPPORTED_CURRENCY",
        "JPY                    | 231380104 | 12345678           | 100        | JPY | Jane                    | NACHA_UNSUPPORTED_CURRENCY",
    })
    void refuses_a_credit_that_breaks_a_field_limit_before_writing_anything(String why, String routing,
            String account, long minor, String currency, String name, NachaViolation expected) {
        NachaCredit bad = new NachaCredit(AccountType.CHECKING, routing, account,
                Money.ofMinor(minor, CurrencyUnit.of(currency)), "PO-1", name, "");
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> NachaWriter.write(out, "payout.ach", FILE, Optional.empty(),
                        List.of(new NachaWriter.Batch(PPD, List.of(bad)))))
                .isInstanceOfSatisfying(NachaWriteException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly(expected));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void reports_every_bad_field_of_every_record_at_once() {
        NachaBatchSpec badBatch = new NachaBatchSpec(NachaBatchSpec.SecCode.CCD, "A company name too long", "",
                "1123456789", "PAYOUT", "", LocalDate.of(2026, 11, 25), "121042882");
        List<NachaWriter.Batch> batches = List.of(
                new NachaWriter.Batch(PPD, List.of(credit(AccountType.CHECKING, "231380104", "1", 0, "", "Jane"),
                        credit(AccountType.CHECKING, "231380104", "1", 5, "", "x".repeat(23)))),
                new NachaWriter.Batch(badBatch, List.of()));

        assertThatThrownBy(() -> NachaWriter.write(new StringWriter(), "p.ach", FILE, Optional.empty(), batches))
                .isInstanceOfSatisfying(NachaWriteException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code, Violation::field).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(NachaViolation.NACHA_AMOUNT_OUT_OF_RANGE, "amount (30-39)"),
                                org.assertj.core.groups.Tuple.tuple(NachaViolation.NACHA_FIELD_TOO_LONG, "receiver name (55-76)"),
                                org.assertj.core.groups.Tuple.tuple(NachaViolation.NACHA_FIELD_TOO_LONG, "company name (5-20)")));
    }

    @Test
    void refuses_credits_whose_total_cannot_fit_the_10_digit_offset_entry() {
        NachaWriter.Batch big = new NachaWriter.Batch(PPD, List.of(
                credit(AccountType.CHECKING, "231380104", "1", 9_999_999_999L, "", "Jane"),
                credit(AccountType.CHECKING, "231380104", "2", 1, "", "John")));

        assertThatThrownBy(() -> NachaWriter.write(new StringWriter(), "p.ach", FILE, Optional.of(OFFSET), List.of(big)))
                .isInstanceOfSatisfying(NachaWriteException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly(NachaViolation.NACHA_CONTROL_TOTAL));
    }

    @Test
    void refuses_to_close_a_batch_whose_totals_differ_from_the_callers() {
        NachaWriter w = new NachaWriter(new StringWriter(), "p.ach", FILE, Optional.empty());
        w.beginBatch(PPD);
        w.credit(credit(AccountType.CHECKING, "231380104", "1", 500, "", "Jane"));

        assertThatThrownBy(() -> w.endBatch(1, 501))
                .isInstanceOfSatisfying(NachaWriteException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly(NachaViolation.NACHA_CONTROL_TOTAL));
    }

    @Test
    void streams_200k_credits_and_reads_them_back_with_matching_controls() throws IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("big", ".ach");
        try {
            try (var out = java.nio.file.Files.newBufferedWriter(tmp, StandardCharsets.ISO_8859_1);
                    NachaWriter w = new NachaWriter(out, "big.ach", FILE, Optional.of(OFFSET))) {
                for (int b = 0; b < 4; b++) {
                    w.beginBatch(PPD);
                    for (int i = 0; i < 50_000; i++) {
                        w.credit(credit(AccountType.CHECKING, "231380104", "A" + i, 1 + i % 1000, "", "Receiver " + i));
                    }
                    w.endBatch();
                }
                w.finish();
            }
            NachaValidation v;
            try (InputStream in = java.nio.file.Files.newInputStream(tmp)) {
                v = NachaValidator.validate(in, "big.ach");
            }
            assertThat(v.violations()).isEmpty();
            assertThat(v.totals().entryCount()).isEqualTo(200_004);
        } finally {
            java.nio.file.Files.delete(tmp);
        }
    }
}
