package dev.settle.readerswriters.inbound;

import dev.settle.formats.Violation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Turns a reader's growing list of violations into rejections, each emitted once, in order. Used
 * by adapters over readers that collect violations instead of attaching them to records.
 */
final class ViolationFeed {

    private final List<Violation> source;
    private int consumed;
    private final Deque<StagedItem> queue = new ArrayDeque<>();

    ViolationFeed(List<Violation> source) {
        this.source = source;
    }

    /** Queues a rejection for every violation added since the last call. */
    void drain() {
        while (consumed < source.size()) {
            queue.add(RejectedRecord.of(source.get(consumed++)));
        }
    }

    void add(StagedItem item) {
        queue.add(item);
    }

    StagedItem poll() {
        return queue.poll();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
