package dev.settle.jobs.payout;

import dev.settle.formats.Violation;
import dev.settle.formats.nacha.AccountType;
import dev.settle.formats.nacha.EntryDetail;
import dev.settle.formats.nacha.NachaBatchSpec;
import dev.settle.formats.nacha.NachaControlTotals;
import dev.settle.formats.nacha.NachaCredit;
import dev.settle.formats.nacha.NachaFileSpec;
import dev.settle.formats.nacha.NachaReader;
import dev.settle.formats.nacha.NachaRecord;
import dev.settle.formats.nacha.NachaValidation;
import dev.settle.formats.nacha.NachaValidator;
import dev.settle.formats.nacha.NachaWriter;
import dev.settle.formats.pain001.Pain001CreditTransfer;
import dev.settle.formats.pain001.Pain001Message;
import dev.settle.formats.pain001.Pain001Reader;
import dev.settle.formats.pain001.Pain001Record;
import dev.settle.formats.pain001.Pain001Validator;
import dev.settle.formats.pain001.Pain001Writer;
import dev.settle.formats.payoutcsv.PayoutCsvValidation;
import dev.settle.formats.payoutcsv.PayoutCsvValidator;
import dev.settle.formats.payoutcsv.PayoutCsvWriter;
import dev.settle.formats.payoutcsv.PayoutInstruction;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.MoneyTotals;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes one payout file (NACHA, pain.001 or CSV) from payout rows, asserting its control totals
 * before writing and again after re-reading what was written. Deterministic: the same rows, bank
 * and date always give the same bytes (creation time is the business date at 00:00, never the clock).
 */
public final class PayoutFiles {

    private PayoutFiles() {
    }

    /**
     * A written and re-read file.
     *
     * @param totalsMinor per currency code, as re-read from the file
     * @param traceNumbers NACHA only: trace number per end-to-end id (our identification number)
     */
    public record Generated(byte[] content, long payoutCount, Map<String, Long> totalsMinor, Map<String, String> traceNumbers) {

        public String controlTotalsText() {
            StringBuilder b = new StringBuilder();
            totalsMinor.forEach((c, v) -> b.append(b.length() == 0 ? "" : ";").append(c).append('=').append(v));
            return b.toString();
        }
    }

    /** Thrown when a file's totals or structure do not match what was meant; nothing is recorded then. */
    public static final class ControlTotalException extends IllegalStateException {
        public ControlTotalException(String message) {
            super(message);
        }
    }

    public static String extension(String format) {
        return switch (format) {
            case "NACHA" -> "ach";
            case "PAIN001" -> "xml";
            default -> "csv";
        };
    }

    public static Generated write(String format, PayoutProperties.Bank bank, String fileId, int sequence, String fileName,
                                  LocalDate businessDate, List<PayoutRow> payouts) {
        if (payouts.isEmpty()) {
            throw new IllegalArgumentException("a payout file needs at least one payout");
        }
        Map<String, Long> expected = expectedTotals(payouts);
        Generated g = switch (format) {
            case "NACHA" -> nacha(bank, sequence, fileName, businessDate, payouts);
            case "PAIN001" -> pain001(bank, fileId, fileName, businessDate, payouts);
            case "CSV" -> csv(fileName, businessDate, payouts);
            default -> throw new IllegalArgumentException("unknown payout format " + format);
        };
        if (g.payoutCount() != payouts.size() || !g.totalsMinor().equals(expected)) {
            throw new ControlTotalException(fileName + ": re-read " + g.payoutCount() + " payouts " + g.totalsMinor()
                    + " but wrote " + payouts.size() + " payouts " + expected);
        }
        return g;
    }

    /** Σ amounts per currency, overflow-checked. */
    static Map<String, Long> expectedTotals(List<PayoutRow> payouts) {
        MoneyTotals totals = new MoneyTotals();
        payouts.forEach(p -> totals.add(p.amount()));
        Map<String, Long> out = new TreeMap<>();
        totals.byCurrency().forEach((c, v) -> out.put(c.code(), v));
        return out;
    }

    private static Generated nacha(PayoutProperties.Bank bank, int sequence, String fileName, LocalDate date,
                                   List<PayoutRow> payouts) {
        List<NachaCredit> credits = new ArrayList<>();
        long expectedMinor = 0;
        for (PayoutRow p : payouts) {
            if (p.amount().currency() != CurrencyUnit.USD) {
                throw new IllegalArgumentException("NACHA carries USD only, payout " + p.id() + " is " + p.amount());
            }
            credits.add(new NachaCredit("savings".equals(p.accountType()) ? AccountType.SAVINGS : AccountType.CHECKING,
                    p.routingNumber(), p.accountNumber(), p.amount(), p.endToEndId(), truncate(p.beneficiaryName(), 22), ""));
            expectedMinor = Math.addExact(expectedMinor, p.amount().amountMinor());
        }
        char modifier = (char) (sequence <= 26 ? 'A' + sequence - 1 : '0' + (sequence - 27) % 10);
        NachaFileSpec spec = new NachaFileSpec(bank.nachaImmediateDestination(), bank.nachaImmediateOrigin(),
                date.atStartOfDay(), modifier, bank.nachaDestinationName(), bank.nachaOriginName(), "");
        NachaBatchSpec batch = new NachaBatchSpec(NachaBatchSpec.SecCode.CCD, bank.nachaCompanyName(), "",
                bank.nachaCompanyId(), "PAYOUT", "", date.plusDays(1), bank.nachaOdfiRouting());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NachaControlTotals written;
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.ISO_8859_1)) {
            written = NachaWriter.write(out, fileName, spec, Optional.empty(), List.of(new NachaWriter.Batch(batch, credits)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (written.entryCount() != payouts.size() || written.creditTotalMinor() != expectedMinor || written.debitTotalMinor() != 0) {
            throw new ControlTotalException(fileName + ": writer totals " + written + " differ from " + payouts.size()
                    + " payouts of " + expectedMinor);
        }
        byte[] content = bytes.toByteArray();
        NachaValidation check = NachaValidator.validate(new ByteArrayInputStream(content), fileName);
        if (!check.valid()) {
            throw new ControlTotalException(fileName + ": written file fails validation: " + check.violations());
        }
        Map<String, String> traces = new LinkedHashMap<>();
        try (NachaReader reader = new NachaReader(new ByteArrayInputStream(content), fileName)) {
            while (reader.hasNext()) {
                NachaRecord r = reader.next();
                if (r instanceof EntryDetail e) {
                    traces.put(e.individualIdentificationNumber().trim(), e.traceNumber());
                }
            }
        }
        return new Generated(content, check.totals().entryCount(), Map.of("USD", check.totals().creditTotalMinor()), traces);
    }

    private static Generated pain001(PayoutProperties.Bank bank, String fileId, String fileName, LocalDate date,
                                     List<PayoutRow> payouts) {
        Pain001Message version = "09".equals(bank.painVersion()) ? Pain001Message.PAIN001_001_09 : Pain001Message.PAIN001_001_03;
        Map<CurrencyUnit, List<Pain001CreditTransfer>> byCurrency = new TreeMap<>();
        for (PayoutRow p : payouts) {
            byCurrency.computeIfAbsent(p.amount().currency(), c -> new ArrayList<>()).add(Pain001CreditTransfer.of(
                    p.endToEndId(), p.amount(), truncate(p.beneficiaryName(), 140), p.account(),
                    p.bic() == null || p.bic().isEmpty() ? null : p.bic(), "Settle payout " + p.id()));
        }
        List<Pain001Writer.Payment> payments = new ArrayList<>();
        byCurrency.forEach((c, transfers) -> payments.add(new Pain001Writer.Payment(fileId + "-" + c.code(), bank.debtorName(),
                bank.debtorIban(), bank.debtorBic(), date.plusDays(1), transfers)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Pain001Writer.ControlTotals written = new Pain001Writer(version).write(bytes,
                new Pain001Writer.Header(fileId, date + "T00:00:00", bank.debtorName()), payments);
        if (written.numberOfTransactions() != payouts.size()) {
            throw new ControlTotalException(fileName + ": wrote " + written.numberOfTransactions() + " of " + payouts.size());
        }
        byte[] content = bytes.toByteArray();
        List<Violation> violations = Pain001Validator.validate(new ByteArrayInputStream(content), fileName);
        if (!violations.isEmpty()) {
            throw new ControlTotalException(fileName + ": written file fails validation: " + violations);
        }
        MoneyTotals reread = new MoneyTotals();
        long count = 0;
        try (Pain001Reader reader = Pain001Reader.open(new ByteArrayInputStream(content), fileName)) {
            while (reader.hasNext()) {
                Pain001Record r = reader.next();
                if (r instanceof Pain001CreditTransfer t) {
                    reread.add(t.amount());
                    count++;
                }
            }
        }
        Map<String, Long> totals = new TreeMap<>();
        reread.byCurrency().forEach((c, v) -> totals.put(c.code(), v));
        return new Generated(content, count, totals, Map.of());
    }

    private static Generated csv(String fileName, LocalDate date, List<PayoutRow> payouts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PayoutCsvWriter writer = new PayoutCsvWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), fileName)) {
            for (PayoutRow p : payouts) {
                writer.write(new PayoutInstruction(p.id(), p.merchantId(), p.beneficiaryName(), p.account(),
                        p.bic() == null ? "" : p.bic(), p.amount(), p.endToEndId(), date.plusDays(1)));
            }
            writer.finish();
        }
        byte[] content = bytes.toByteArray();
        PayoutCsvValidation check = PayoutCsvValidator.validate(new ByteArrayInputStream(content), fileName);
        if (!check.valid()) {
            throw new ControlTotalException(fileName + ": written file fails validation: " + check.violations());
        }
        Map<String, Long> totals = new TreeMap<>();
        check.totals().byCurrency().forEach((c, v) -> totals.put(c.code(), v));
        return new Generated(content, check.payoutCount(), totals, Map.of());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
