package dev.settle.formats.bench;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FileInspectors;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.adyen.AdyenSdrEmulator;
import dev.settle.formats.adyen.SdrLayout;
import dev.settle.formats.camt.Camt053Writer;
import dev.settle.formats.camt.CamtBalance;
import dev.settle.formats.camt.CamtEntry;
import dev.settle.formats.camt.CamtMessage;
import dev.settle.formats.camt.CamtReader;
import dev.settle.formats.camt.CamtRecord;
import dev.settle.formats.camt.CamtStatement;
import dev.settle.formats.camt.CreditDebit;
import dev.settle.formats.camt.XmlLocation;
import dev.settle.formats.mt940.Mt940Balance;
import dev.settle.formats.mt940.Mt940Entry;
import dev.settle.formats.mt940.Mt940Item;
import dev.settle.formats.mt940.Mt940Mark;
import dev.settle.formats.mt940.Mt940Reader;
import dev.settle.formats.mt940.Mt940StatementHeader;
import dev.settle.formats.mt940.Mt940StatementTrailer;
import dev.settle.formats.mt940.Mt940Writer;
import dev.settle.formats.nacha.AccountType;
import dev.settle.formats.nacha.NachaBatchSpec;
import dev.settle.formats.nacha.NachaCredit;
import dev.settle.formats.nacha.NachaFileSpec;
import dev.settle.formats.nacha.NachaWriter;
import dev.settle.formats.pain001.Pain001CreditTransfer;
import dev.settle.formats.pain001.Pain001Message;
import dev.settle.formats.pain001.Pain001Writer;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.NonMonetary;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A measurement, not a test: throughput and peak heap of the streaming codecs on 1M-row files.
 * Run with {@code bench/formats.sh}; it calls {@code main} without arguments, which runs every
 * scenario in its own JVM (so one scenario's garbage cannot inflate another's peak heap), writes
 * {@code bench/results/formats.json} and prints a markdown table.
 *
 * <p>Read scenarios generate their input first (not timed), then time {@code FileInspectors.inspect}
 * exactly as {@code ./settle files check} runs it: parse, validate, control totals. Write scenarios
 * time the writer to a file. Peak heap is the sum of the heap pools' peak usage during the timed
 * phase (an upper bound); with {@code -Xmx256m} and an input larger than 256 MB it shows that
 * memory does not grow with the file.
 */
@NonMonetary("rates and durations of a benchmark, never money")
public final class FormatsBench {

    /** Every scenario, in table order; the heap each runs with. */
    enum Scenario {
        ADYEN_SDR_READ("Adyen SDR read (CSV)", "256m"),
        CAMT053_READ("camt.053 read (XML)", "256m"),
        MT940_READ("MT940 read", "256m"),
        NACHA_WRITE("NACHA write", "256m"),
        // Pain001Writer computes CtrlSum before the first transfer, so it takes the whole message as a
        // list (a payout file, by design not a bulk streamer): 1M transfers need more than 256 MB.
        PAIN001_WRITE("pain.001 write (XML, in-memory by design)", "1g");

        final String title;
        final String heapMax;

        Scenario(String title, String heapMax) {
            this.title = title;
            this.heapMax = heapMax;
        }
    }

    /** One measured run. */
    @NonMonetary("durations, rates and sizes of a benchmark")
    record Result(String scenario, String title, String heapMax, long rows, double seconds, double rowsPerSecond,
            double rowsPerCpuSecond, double peakHeapMb, double fileMb) {

        String json() {
            return String.format(java.util.Locale.ROOT,
                    "{\"scenario\":\"%s\",\"title\":\"%s\",\"xmx\":\"%s\",\"rows\":%d,\"seconds\":%.2f,\"rowsPerSecond\":%.0f,"
                            + "\"rowsPerSecondPerCore\":%.0f,\"peakHeapMb\":%.1f,\"fileMb\":%.1f}",
                    scenario, title, heapMax, rows, seconds, rowsPerSecond, rowsPerCpuSecond, peakHeapMb, fileMb);
        }

        String markdownRow() {
            return String.format(java.util.Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %,.0f | %.0f | %s | %.0f |",
                    title, rows, seconds, rowsPerSecond, rowsPerCpuSecond, peakHeapMb, heapMax, fileMb);
        }

        static Result parse(String json) {
            return new Result(field(json, "scenario"), field(json, "title"), field(json, "xmx"),
                    Long.parseLong(field(json, "rows")), Double.parseDouble(field(json, "seconds")),
                    Double.parseDouble(field(json, "rowsPerSecond")), Double.parseDouble(field(json, "rowsPerSecondPerCore")),
                    Double.parseDouble(field(json, "peakHeapMb")), Double.parseDouble(field(json, "fileMb")));
        }

        /** Reads one value of the flat JSON line this class wrote itself. */
        private static String field(String json, String name) {
            int start = json.indexOf("\"" + name + "\":") + name.length() + 3;
            if (json.charAt(start) == '"') {
                return json.substring(start + 1, json.indexOf('"', start + 1));
            }
            int end = start;
            while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
                end++;
            }
            return json.substring(start, end);
        }
    }

    private FormatsBench() {
    }

    /**
     * No arguments: run every scenario in a child JVM, write the JSON and print the table.
     * {@code <scenario> <rows> <dir>}: run one scenario here and print its JSON line.
     * System property {@code bench.rows} changes the row count (default 1,000,000).
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3) {
            Result r = run(Scenario.valueOf(args[0]), Long.parseLong(args[1]), Path.of(args[2]));
            System.out.println("RESULT " + r.json());
            return;
        }
        long rows = Long.getLong("bench.rows", 1_000_000L);
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/formats.json");
        Path dir = Files.createTempDirectory("settle-formats-bench");
        List<Result> results = new ArrayList<>();
        try {
            for (Scenario s : Scenario.values()) {
                results.add(child(s, rows, dir));
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        StringBuilder json = new StringBuilder("{\"date\":\"").append(LocalDate.now())
                .append("\",\"cores\":").append(Runtime.getRuntime().availableProcessors())
                .append(",\"java\":\"").append(System.getProperty("java.version")).append("\",\"results\":[\n");
        for (int i = 0; i < results.size(); i++) {
            json.append("  ").append(results.get(i).json()).append(i + 1 < results.size() ? ",\n" : "\n");
        }
        Files.writeString(out, json.append("]}\n").toString());
        System.out.println("| Scenario | Rows | Seconds | Rows/s | Rows/s per core (CPU time) | Peak heap MB | -Xmx | File MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        results.forEach(r -> System.out.println(r.markdownRow()));
        System.out.println("\nwritten: " + out);
    }

    private static Result child(Scenario s, long rows, Path dir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx" + s.heapMax, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FormatsBench.class.getName(), s.name(), Long.toString(rows), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                } else {
                    System.err.println(line);
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException(s + " failed with exit code " + p.exitValue());
        }
        Result r = Result.parse(result);
        System.err.printf("%s: %,d rows in %.2f s = %,.0f rows/s, peak heap %.0f MB of %s, file %.0f MB%n",
                s, r.rows(), r.seconds(), r.rowsPerSecond(), r.peakHeapMb(), s.heapMax, r.fileMb());
        return r;
    }

    private static Result run(Scenario s, long rows, Path dir) throws Exception {
        return switch (s) {
            case ADYEN_SDR_READ -> read(s, rows, dir.resolve("sdr.csv"), FileFormat.ADYEN_SDR, FormatsBench::writeSdr);
            case CAMT053_READ -> read(s, rows, dir.resolve("camt053.xml"), FileFormat.CAMT053, FormatsBench::writeCamt);
            case MT940_READ -> read(s, rows, dir.resolve("statement.sta"), FileFormat.MT940, FormatsBench::writeMt940);
            case NACHA_WRITE -> write(s, rows, dir.resolve("payouts.ach"), FormatsBench::writeNacha);
            case PAIN001_WRITE -> write(s, rows, dir.resolve("payouts.xml"), FormatsBench::writePain001);
        };
    }

    /** Writes {@code rows} rows of one format to a file. */
    @FunctionalInterface
    interface Generator {
        void write(Path file, long rows) throws Exception;
    }

    private static Result read(Scenario s, long rows, Path file, FileFormat format, Generator generator) throws Exception {
        generator.write(file, rows);
        System.gc();
        Measurement m = Measurement.start();
        InspectionReport report = FileInspectors.standard().inspect(file, Optional.of(format));
        Result r = m.stop(s, rowsOf(report, format), file);
        if (!report.valid()) {
            System.err.println(s + ": the generated file has " + report.violations().size() + " violations, first: "
                    + report.violations().get(0));
        }
        Files.delete(file);
        return r;
    }

    private static Result write(Scenario s, long rows, Path file, Generator writer) throws Exception {
        System.gc();
        Measurement m = Measurement.start();
        writer.write(file, rows);
        Result r = m.stop(s, rows, file);
        Files.delete(file);
        return r;
    }

    private static long rowsOf(InspectionReport report, FileFormat format) {
        return switch (format) {
            case ADYEN_SDR -> report.recordCounts().values().stream().mapToLong(Long::longValue).sum();
            default -> report.recordCounts().getOrDefault("entries", 0L);
        };
    }

    /** Wall time, process CPU time and heap pool peaks of one timed phase. */
    private record Measurement(long startNanos, long startCpuNanos) {

        static Measurement start() {
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            return new Measurement(System.nanoTime(), cpuNanos());
        }

        Result stop(Scenario s, long rows, Path file) throws IOException {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double cpuSeconds = (cpuNanos() - startCpuNanos) / 1e9;
            long peakBytes = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            return new Result(s.name(), s.title, s.heapMax, rows, seconds, rows / seconds, rows / cpuSeconds,
                    peakBytes / 1048576.0, Files.size(file) / 1048576.0);
        }

        private static List<MemoryPoolMXBean> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        }

        private static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    // ---- generators

    private static void writeSdr(Path file, long rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AdyenSdrEmulator.write(out, SdrLayout.CLASSIC, rows, 10_000, 1);
        }
    }

    /** One statement of {@code rows} copies of the demo statement's first entry, with consistent balances. */
    private static void writeCamt(Path file, long rows) throws IOException {
        CamtStatement template = null;
        CamtEntry entry = null;
        try (InputStream in = resource("/golden/camt/demo-camt.053.001.02.xml"); CamtReader reader = CamtReader.open(in, "demo")) {
            while (reader.hasNext() && entry == null) {
                CamtRecord r = reader.next();
                if (r instanceof CamtStatement st) {
                    template = st;
                } else if (r instanceof CamtEntry e && e.creditDebit() == CreditDebit.CRDT) {
                    entry = e;
                }
            }
        }
        Money closing = entry.amount().times(rows);
        LocalDate day = entry.bookingDate();
        CamtStatement statement = new CamtStatement(1, template.id(), template.electronicSequenceNumber(),
                template.legalSequenceNumber(), template.creationDateTime(), template.accountIban(), template.accountOtherId(),
                template.currency(), List.of(
                        new CamtBalance("OPBD", Money.zero(closing.currency()), CreditDebit.CRDT, day.minusDays(1), XmlLocation.NONE),
                        new CamtBalance("CLBD", closing, CreditDebit.CRDT, day, XmlLocation.NONE)),
                XmlLocation.NONE);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                Camt053Writer w = new Camt053Writer(out, CamtMessage.CAMT053_001_02)) {
            w.writeGroupHeader("BENCH-1", template.creationDateTime());
            w.startStatement(statement);
            for (long i = 1; i <= rows; i++) {
                w.writeEntry(new CamtEntry(1, entry.amount(), entry.creditDebit(), false, entry.status(), entry.bookingDate(),
                        entry.valueDate(), "REF-" + i, entry.bankTxDomainCode(), entry.bankTxProprietaryCode(),
                        entry.batchNumberOfTxs(), entry.transactions(), XmlLocation.NONE));
            }
            w.endStatement();
        }
    }

    /** One statement of {@code rows} copies of the sample's first entry (with its :86:), with consistent balances. */
    private static void writeMt940(Path file, long rows) throws IOException {
        Mt940StatementHeader header = null;
        Mt940Entry entry = null;
        try (InputStream in = resource("/golden/mt940/sample.sta")) {
            Mt940Reader reader = new Mt940Reader(in, "sample.sta");
            while (reader.hasNext() && entry == null) {
                Mt940Item item = reader.next();
                if (item instanceof Mt940StatementHeader h) {
                    header = h;
                } else if (item instanceof Mt940Entry e) {
                    entry = e;
                }
            }
        }
        Mt940Balance opening = header.openingBalance();
        Money closing = opening.signedAmount().plus(entry.amount().times(rows));
        Mt940Balance closingBalance = new Mt940Balance("62F", closing.isNegative() ? Mt940Mark.D : Mt940Mark.C,
                entry.valueDate(), opening.currencyCode(), closing.abs(), 0);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            Mt940Writer w = new Mt940Writer(out);
            w.writeHeader(header);
            for (long i = 0; i < rows; i++) {
                w.writeEntry(entry);
            }
            w.writeTrailer(new Mt940StatementTrailer(closingBalance, null, List.of(), null, List.of(), 0));
            w.flush();
        }
    }

    private static void writeNacha(Path file, long rows) throws IOException {
        NachaFileSpec spec = new NachaFileSpec("231380104", "121042882", LocalDateTime.of(2026, 11, 24, 9, 30), 'A',
                "Federal Reserve Bank", "Settle Payouts", "BENCH");
        NachaBatchSpec batch = new NachaBatchSpec(NachaBatchSpec.SecCode.PPD, "Settle Inc", "", "1123456789", "PAYOUT",
                "261124", LocalDate.of(2026, 11, 25), "121042882");
        long perBatch = 100_000; // well under the 999,999 entries a batch control can count
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                NachaWriter w = new NachaWriter(out, file.toString(), spec, Optional.empty())) {
            for (long i = 0; i < rows; i++) {
                if (i % perBatch == 0) {
                    if (i > 0) {
                        w.endBatch();
                    }
                    w.beginBatch(batch);
                }
                w.credit(new NachaCredit(AccountType.CHECKING, "231380104", "12345678",
                        Money.ofMinor(1 + i % 99_999, CurrencyUnit.USD), "PO-" + i, "Jane Doe", ""));
            }
            w.endBatch();
            w.finish();
        }
    }

    private static void writePain001(Path file, long rows) throws IOException {
        List<Pain001CreditTransfer> transfers = new ArrayList<>((int) rows);
        Money amount = Money.parse("12.34 EUR");
        for (long i = 0; i < rows; i++) {
            transfers.add(Pain001CreditTransfer.of("PO-" + i, amount, "Bakkerij de Vries", "DE89370400440532013000",
                    "COBADEFFXXX", null));
        }
        Pain001Writer.Payment payment = new Pain001Writer.Payment("BENCH-EUR", "Settle Merchant Services BV",
                "NL91ABNA0417164300", "ABNANL2A", LocalDate.of(2024, 2, 1), transfers);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            new Pain001Writer(Pain001Message.PAIN001_001_03).write(out,
                    new Pain001Writer.Header("BENCH-1", "2024-01-31T18:00:00", "Settle Merchant Services BV"), List.of(payment));
        }
    }

    private static InputStream resource(String path) {
        InputStream in = FormatsBench.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("no resource " + path + ": run with the file-formats test classpath");
        }
        return in;
    }
}
