package dev.settle.readerswriters.inbound;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses an inbound file on its own thread, a bounded number of items ahead of the consumer, so
 * that parsing the next rows overlaps with writing (COPY) the previous ones. The consumer sees
 * exactly the delegate's sequence: the same items in the same order, then the same
 * {@link dev.settle.formats.FormatException} (or end) at the same place.
 *
 * <p>Items travel in batches of {@value #BATCH_ITEMS} to keep the hand-over cheap. How many items
 * may wait is the caller's bound: a chunk-oriented step wants a whole chunk, because it reads a
 * chunk and only then writes it, and parsing can only go on during the write while there is room
 * ahead. Memory is that bound times an item's size (a bank entry is well under 1 KB).
 */
public final class ReadAheadCursor implements InboundCursor {

    static final int BATCH_ITEMS = 512;
    /** Items ahead when the caller does not say: {@value}. */
    static final int DEFAULT_ITEMS_AHEAD = 8 * BATCH_ITEMS;

    /** What the producer hands over: items, then possibly a failure, then the end. */
    private record Batch(List<StagedItem> items, RuntimeException failure, boolean last) {
    }

    private final InboundCursor delegate;
    private final BlockingQueue<Batch> queue;
    private final Thread producer;
    private volatile boolean closed;
    private Batch current = new Batch(List.of(), null, false);
    private int position;

    public ReadAheadCursor(InboundCursor delegate, String name) {
        this(delegate, name, DEFAULT_ITEMS_AHEAD);
    }

    /** @param itemsAhead how many parsed items may wait for the consumer (rounded up to whole batches) */
    public ReadAheadCursor(InboundCursor delegate, String name, int itemsAhead) {
        this.delegate = delegate;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, (itemsAhead + BATCH_ITEMS - 1) / BATCH_ITEMS));
        this.producer = new Thread(this::produce, "read-ahead-" + name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce() {
        List<StagedItem> items = new ArrayList<>(BATCH_ITEMS);
        try {
            for (StagedItem item = delegate.next(); item != null; item = delegate.next()) {
                items.add(item);
                if (items.size() == BATCH_ITEMS) {
                    hand(new Batch(items, null, false));
                    items = new ArrayList<>(BATCH_ITEMS);
                }
            }
            hand(new Batch(items, null, true));
        } catch (RuntimeException | Error e) {
            RuntimeException failure = e instanceof RuntimeException r ? r
                    : new IllegalStateException("parsing failed: " + e, e);
            try {
                hand(new Batch(items, failure, true));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt(); // closed by the consumer
        }
    }

    private void hand(Batch batch) throws InterruptedException {
        while (!closed) {
            if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new InterruptedException("cursor closed");
    }

    @Override
    public StagedItem next() {
        while (position == current.items().size()) {
            if (current.last()) {
                if (current.failure() != null) {
                    throw current.failure();
                }
                return null;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading ahead", e);
            }
            position = 0;
        }
        return current.items().get(position++);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        producer.interrupt();
        try {
            producer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delegate.close();
    }
}
