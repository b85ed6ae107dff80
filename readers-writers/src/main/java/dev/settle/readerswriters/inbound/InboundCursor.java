package dev.settle.readerswriters.inbound;

import dev.settle.formats.FormatException;
import java.io.Closeable;

/** Streams the items of one open inbound file. Not thread-safe. */
public interface InboundCursor extends Closeable {

    /**
     * The next item, or null at the end of the file.
     *
     * @throws FormatException when the file cannot be read any further (the file is then rejected)
     */
    StagedItem next();
}
