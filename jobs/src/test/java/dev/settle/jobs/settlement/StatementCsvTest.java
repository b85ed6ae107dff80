package dev.settle.jobs.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.money.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement CSV is stored with its SHA-256: its exact bytes are the specification. */
class StatementCsvTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void renders_every_line_then_the_totals_byte_for_byte() {
        Money zero = Money.ofMinor(0, "KWD");
        List<StatementLine> lines = List.of(
                new StatementLine(StatementLine.Type.BALANCE_BROUGHT_FORWARD, "", "from 2026-11-22", null,
                        Money.ofMinor(-5, "KWD"), null),
                new StatementLine(StatementLine.Type.CAPTURE, "txn_1", "pay_1 PSP1", null, Money.ofMinor(12_345, "KWD"),
                        DAY.minusDays(1)),
                new StatementLine(StatementLine.Type.FEE, "txn_1", "fee, \"standard\"", Money.ofMinor(12_345, "KWD"),
                        Money.ofMinor(-100, "KWD"), DAY.minusDays(1)),
                new StatementLine(StatementLine.Type.REFUND, "txn_2", "pay_2 PSP2", null, Money.ofMinor(-1_000, "KWD"), DAY));
        Money net = Money.ofMinor(11_240, "KWD");
        SettlementResult result = new SettlementResult(Money.ofMinor(-5, "KWD"), Money.ofMinor(12_345, "KWD"),
                Money.ofMinor(-1_000, "KWD"), zero, Money.ofMinor(100, "KWD"), zero, null, zero, zero, net, net, zero,
                List.of(Money.ofMinor(100, "KWD"), zero), lines);

        assertThat(StatementCsv.render("stl_20261123_KWD_1", "mer_1", DAY, lines, result)).isEqualTo("""
                # settlement stl_20261123_KWD_1 merchant mer_1 date 2026-11-23
                line_no,type,reference,description,date,gross,amount,currency
                1,BALANCE_BROUGHT_FORWARD,,from 2026-11-22,,,-0.005,KWD
                2,CAPTURE,txn_1,pay_1 PSP1,2026-11-22,,12.345,KWD
                3,FEE,txn_1,"fee, ""standard""\",2026-11-22,12.345,-0.100,KWD
                4,REFUND,txn_2,pay_2 PSP2,2026-11-23,,-1.000,KWD
                ,TOTAL_NET,,,,,11.240,KWD
                ,PAYOUT,,,,,11.240,KWD
                ,CARRIED_FORWARD,,,,,0.000,KWD
                """);
    }

    @Test
    void the_statement_checksum_is_the_sha256_of_its_utf8_bytes_even_across_slices() throws Exception {
        // a surrogate pair straddling the first slice boundary, then more than two slices of text
        String text = "a".repeat(SettlementService.SHA_SLICE_CHARS - 1) + "\uD83D\uDE00" + "\u00e9x".repeat(70_000);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(SettlementService.sha256(text)).isEqualTo(expected);
        assertThat(SettlementService.sha256("")).isEqualTo(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
