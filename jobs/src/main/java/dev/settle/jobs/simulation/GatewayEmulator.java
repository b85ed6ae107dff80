package dev.settle.jobs.simulation;

import dev.settle.formats.adyen.AdyenSdrWriter;
import dev.settle.formats.adyen.SdrLayout;
import dev.settle.jobs.simulation.DayGenerator.Batch;
import dev.settle.jobs.simulation.DayGenerator.Capture;
import dev.settle.jobs.simulation.DayGenerator.Merchant;
import dev.settle.jobs.simulation.DayGenerator.Sdr;
import dev.settle.money.CurrencyUnit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plays the payment gateway and the bank for a day of transactions recorded by gateway-online:
 * writes the gateway's settlement report (Adyen SDR) and the bank statement (camt.053) from the
 * database, with a few realistic discrepancies when asked:
 * <ul>
 *   <li>one capture is reported a day late (it is in the next day's report);</li>
 *   <li>one capture is settled with a different amount (+1.00 in minor units of its currency);</li>
 *   <li>the report contains a payment nobody recorded;</li>
 *   <li>the bank books an unexplained credit.</li>
 * </ul>
 * The day's first capture (by id) is the late one and its second the mismatched one, so the next
 * day knows which line to report late without any state.
 */
public final class GatewayEmulator {

    private final JdbcTemplate jdbc;

    public GatewayEmulator(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private record Row(String txnId, String kind, String merchantId, String paymentId, String pspReference,
                       String modificationReference, long amountMinor, String currency, LocalDate businessDate) {
        Capture capture() {
            return new Capture(txnId, paymentId, new Merchant(merchantId, CurrencyUnit.of(currency)), pspReference,
                    modificationReference, amountMinor, businessDate);
        }

    }

    /** The day's captures in id order: the first is reported a day late, the second with a different amount. */
    private static List<String> chosen(List<Row> rows, LocalDate day) {
        return rows.stream().filter(r -> r.kind().equals("capture") && r.businessDate().equals(day))
                .map(Row::txnId).sorted().limit(2).toList();
    }

    /** Writes the files for {@code day}; returns what was planted, for the demo's narration. */
    public List<String> emulate(LocalDate day, Path sdrFile, Path camtFile, boolean plantDiscrepancies) throws IOException {
        List<Row> rows = jdbc.query("""
                SELECT id, kind, merchant_id, payment_id, psp_reference, modification_reference, amount_minor, currency, business_date
                  FROM gateway_transaction WHERE kind IN ('capture', 'refund') AND business_date IN (?, ?)
                 ORDER BY created_at, id""", (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getObject(9, LocalDate.class)),
                day, day.minusDays(1));
        List<String> planted = new ArrayList<>();
        List<String> todayChosen = chosen(rows, day);
        List<String> yesterdayChosen = chosen(rows, day.minusDays(1));
        java.util.function.Predicate<Row> late = r -> (r.businessDate().equals(day) ? todayChosen : yesterdayChosen)
                .indexOf(r.txnId()) == 0;
        java.util.function.Predicate<Row> mismatched = r -> r.businessDate().equals(day) && todayChosen.indexOf(r.txnId()) == 1;
        Map<CurrencyUnit, Batch> batches = new LinkedHashMap<>();
        Files.createDirectories(sdrFile.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(sdrFile, StandardCharsets.UTF_8)) {
            Sdr sdr = new Sdr(new AdyenSdrWriter(out, SdrLayout.CLASSIC, sdrFile.getFileName().toString()));
            for (Row r : rows) {
                boolean today = r.businessDate().equals(day);
                boolean lateFromYesterday = !today && plantDiscrepancies && late.test(r);
                if (!(today && !(plantDiscrepancies && late.test(r))) && !lateFromYesterday) {
                    continue;
                }
                CurrencyUnit currency = CurrencyUnit.of(r.currency());
                Batch batch = batches.computeIfAbsent(currency, c -> new Batch(batchNumber(day, batches.size()), c, day));
                if (r.kind().equals("capture")) {
                    long gross = plantDiscrepancies && today && mismatched.test(r) ? r.amountMinor() + 100 : r.amountMinor();
                    sdr.settled(batch, r.capture(), gross, currency);
                    if (gross != r.amountMinor()) {
                        planted.add("amount mismatch on " + r.modificationReference() + " (settled 100 minor units more)");
                    }
                    if (lateFromYesterday) {
                        planted.add("late line " + r.modificationReference() + " from " + r.businessDate() + " reported today");
                    }
                } else {
                    sdr.refunded(batch, r.capture(), r.modificationReference(), r.amountMinor());
                }
            }
            rows.stream().filter(r -> r.businessDate().equals(day) && plantDiscrepancies && late.test(r))
                    .forEach(r -> planted.add("capture " + r.modificationReference() + " held back until tomorrow"));
            if (plantDiscrepancies && !rows.isEmpty()) {
                Row any = rows.get(0);
                CurrencyUnit currency = CurrencyUnit.of(any.currency());
                Batch batch = batches.computeIfAbsent(currency, c -> new Batch(batchNumber(day, batches.size()), c, day));
                Capture unknown = new Capture("txn_unknown", "pay_unknown", new Merchant(any.merchantId(), currency),
                        "9" + String.format("%015d", day.toEpochDay()), "UNRECORDED-" + day, 4_200, day);
                sdr.settled(batch, unknown, unknown.amountMinor(), currency);
                planted.add("the gateway settled UNRECORDED-" + day + ", which we never recorded");
            }
            batches.values().forEach(sdr::payout);
            sdr.writer.close();
        }
        DaySpec spec = new DaySpec(0, day, 0, 0, List.of("EUR"), 0, 0, plantDiscrepancies);
        DayGenerator.writeStatement(spec, new ArrayList<>(batches.values()), payoutsDebitedOn(day), lastClosingBalances(), camtFile);
        if (plantDiscrepancies) {
            planted.add("the bank booked an unexplained credit: " + DayGenerator.unexplainedRemittance(day));
        }
        return planted;
    }

    /** The bank carries each account's balance from its last statement (opening = previous closing). */
    private Map<CurrencyUnit, Long> lastClosingBalances() {
        Map<CurrencyUnit, Long> closing = new LinkedHashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (s.account) s.currency, s.closing_minor FROM bank_statement s
                  JOIN ingested_file f ON f.id = s.file_id
                 WHERE f.status = 'INGESTED' AND s.account LIKE 'SETTLE-%' AND s.closing_minor IS NOT NULL
                 ORDER BY s.account, s.file_id DESC, s.statement_no DESC""",
                rs -> {
                    closing.put(CurrencyUnit.of(rs.getString(1)), rs.getLong(2));
                });
        return closing;
    }

    /** Our payouts uploaded the day before: the bank executes them today (if payouts exist in this build). */
    private List<DayGenerator.BankDebit> payoutsDebitedOn(LocalDate day) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('payout') IS NOT NULL", Boolean.class))) {
            return List.of();
        }
        return jdbc.query("""
                SELECT currency, amount_minor, end_to_end_id FROM recon_expected_bank_debit
                 WHERE expected_date = ? ORDER BY end_to_end_id""",
                (rs, n) -> new DayGenerator.BankDebit(CurrencyUnit.of(rs.getString(1)), rs.getLong(2), rs.getString(3)),
                day.minusDays(1));
    }

    private static int batchNumber(LocalDate day, int index) {
        return (int) (day.toEpochDay() % 100_000) * 10 + index + 1;
    }
}
