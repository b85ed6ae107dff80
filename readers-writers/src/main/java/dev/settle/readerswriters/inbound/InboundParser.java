package dev.settle.readerswriters.inbound;

import dev.settle.formats.FileFormat;
import java.io.IOException;
import java.nio.file.Path;

/** Opens an inbound file of one format as a stream of {@link StagedItem}s. Stateless, thread-safe. */
public interface InboundParser {

    FileFormat format();

    /** @param displayName the name used in violations (the remote file name) */
    InboundCursor open(Path file, String displayName) throws IOException;
}
