package dev.settle.formats.adyen;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A measurement, not a test: writes a 1M-row SDR with the emulator to a temp file and times
 * reading it (reader + validator + control totals, as {@code files check} does), printing rows/s.
 * Run: {@code java -cp ... dev.settle.formats.adyen.AdyenReadBench [rows]}.
 */
public final class AdyenReadBench {

    private AdyenReadBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path file = Files.createTempFile("sdr-bench", ".csv");
        try {
            long t0 = System.nanoTime();
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                AdyenSdrEmulator.write(out, SdrLayout.CLASSIC, rows, 10_000, 1);
            }
            long t1 = System.nanoTime();
            System.out.printf("wrote %,d rows (%,d bytes) in %.2f s%n", rows, Files.size(file), (t1 - t0) / 1e9);
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                long count = 0;
                long violations = 0;
                try (InputStream in = Files.newInputStream(file); AdyenSdrReader reader = AdyenSdrReader.open(in, file.toString())) {
                    AdyenSdrValidator validator = new AdyenSdrValidator(file.toString());
                    AdyenControlTotals totals = new AdyenControlTotals(file.toString());
                    while (reader.hasNext()) {
                        SdrLine row = reader.next();
                        violations += validator.validate(row).size();
                        totals.add(row);
                        count++;
                    }
                    violations += totals.violations().size();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("run %d: read %,d rows in %.2f s = %,.0f rows/s (%d violations)%n",
                        run, count, seconds, count / seconds, violations);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
