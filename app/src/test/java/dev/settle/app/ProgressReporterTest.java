package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress line: items, whole-number rate, ETA only when the total is known. */
class ProgressReporterTest {

    @Test
    void shows_rate_and_no_eta_when_the_total_is_unknown() {
        assertThat(ProgressReporter.describe("ingest", "loadFile:file-3", 12_000, 11_900, 4_000, 0, 0))
                .isEqualTo("ingest/loadFile:file-3: 12000 read, 11900 written, 3000/s, ETA n/a");
    }

    @Test
    void estimates_the_rest_from_completed_partitions() {
        assertThat(ProgressReporter.describe("reconcile", "reconLeg1:hash-2-of-4", 500, 500, 9_000, 3, 4))
                .isEqualTo("reconcile/reconLeg1:hash-2-of-4: 500 read, 500 written, 55/s, ETA 3s (3/4 parts)");
    }
}
