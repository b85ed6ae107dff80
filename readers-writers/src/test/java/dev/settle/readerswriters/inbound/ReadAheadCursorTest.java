package dev.settle.readerswriters.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.adyen.AdyenViolation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading ahead on another thread changes nothing the consumer sees: same items, same order, same failure. */
class ReadAheadCursorTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"iso20022/camt053/camt.053.001.02-goldman-sachs-uk-2stmts-eur-gbp.xml",
            "iso20022/camt053/camt.053.001.02-finland-sample.xml", "mt940/sepa-mt940-large-with-reversals.sta"})
    void a_real_file_reads_the_same_with_and_without_read_ahead(String fixture) throws Exception {
        Path file = tmp.resolve(Path.of(fixture).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
            Files.copy(in, file);
        }
        InboundParser parser = fixture.startsWith("mt940") ? new Mt940Parser() : new CamtParser(FileFormat.CAMT053);
        List<StagedItem> direct = drain(parser.open(file, "f"));
        List<StagedItem> ahead = drain(new ReadAheadCursor(parser.open(file, "f"), "test"));
        assertThat(direct).isNotEmpty();
        assertThat(ahead).containsExactlyElementsOf(direct);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, ReadAheadCursor.BATCH_ITEMS - 1, ReadAheadCursor.BATCH_ITEMS, ReadAheadCursor.BATCH_ITEMS + 1,
            ReadAheadCursor.DEFAULT_ITEMS_AHEAD * 5 + 7})
    void every_item_arrives_once_in_order_at_batch_boundaries_and_when_the_queue_is_full(int items) throws Exception {
        List<StagedItem> ahead = drain(new ReadAheadCursor(new Numbered(items, -1), "test"));
        assertThat(ahead).hasSize(items);
        for (int i = 0; i < items; i++) {
            assertThat(((RejectedRecord) ahead.get(i)).lineNo()).isEqualTo(i + 1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, ReadAheadCursor.BATCH_ITEMS, ReadAheadCursor.BATCH_ITEMS * 3 + 1})
    void a_parse_failure_arrives_after_exactly_the_items_before_it(int before) {
        List<StagedItem> seen = new ArrayList<>();
        try (ReadAheadCursor cursor = new ReadAheadCursor(new Numbered(before + 10, before), "test")) {
            assertThatThrownBy(() -> {
                for (StagedItem item = cursor.next(); item != null; item = cursor.next()) {
                    seen.add(item);
                }
            }).isInstanceOf(FormatException.class).hasMessageContaining("line " + (before + 1));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(seen).hasSize(before);
    }

    @Test
    void closing_early_stops_the_parsing_thread_and_closes_the_file() throws Exception {
        Numbered endless = new Numbered(Integer.MAX_VALUE, -1);
        int itemsAhead = 3 * ReadAheadCursor.BATCH_ITEMS;
        ReadAheadCursor cursor = new ReadAheadCursor(endless, "test", itemsAhead);
        assertThat(cursor.next()).isNotNull();
        Thread.sleep(50); // the producer fills the queue and waits
        cursor.close();
        assertThat(endless.closed).isTrue();
        int produced = endless.produced.get();
        Thread.sleep(50);
        assertThat(endless.produced.get()).isEqualTo(produced); // nothing parses after close
        // the queue, the batch being filled and the one the consumer holds
        assertThat(produced).isLessThanOrEqualTo(itemsAhead + 2 * ReadAheadCursor.BATCH_ITEMS);
    }

    private static List<StagedItem> drain(InboundCursor cursor) throws Exception {
        List<StagedItem> items = new ArrayList<>();
        try (cursor) {
            for (StagedItem item = cursor.next(); item != null; item = cursor.next()) {
                items.add(item);
            }
        }
        return items;
    }

    /** Items numbered 1…n; fails at item {@code failAt + 1} when failAt ≥ 0. */
    private static final class Numbered implements InboundCursor {
        final int n;
        final int failAt;
        final AtomicInteger produced = new AtomicInteger();
        volatile boolean closed;

        Numbered(int n, int failAt) {
            this.n = n;
            this.failAt = failAt;
        }

        @Override
        public StagedItem next() {
            int i = produced.get();
            if (i == failAt) {
                throw new FormatException(new Violation(AdyenViolation.ADYEN_MALFORMED_CSV, "f", i + 1, null, null, null, null,
                        "broken at line " + (i + 1)));
            }
            if (i >= n) {
                return null;
            }
            produced.incrementAndGet();
            return new RejectedRecord(i + 1, List.of(new Violation(AdyenViolation.ADYEN_SHORT_ROW, "f", i + 1, null, null, null,
                    null, "item " + (i + 1))));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
