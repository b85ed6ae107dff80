package dev.settle.readerswriters.inbound;

import dev.settle.formats.FileFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The parser for each inbound format Settle ingests. */
public final class InboundParsers {

    private final Map<FileFormat, InboundParser> byFormat = new EnumMap<>(FileFormat.class);

    public InboundParsers(List<InboundParser> parsers) {
        for (InboundParser p : parsers) {
            byFormat.put(p.format(), p);
        }
    }

    public InboundParser forFormat(FileFormat format) {
        InboundParser parser = byFormat.get(format);
        if (parser == null) {
            throw new IllegalArgumentException("no inbound parser for format " + format.cliName()
                    + "; ingestible formats: " + byFormat.keySet());
        }
        return parser;
    }
}
