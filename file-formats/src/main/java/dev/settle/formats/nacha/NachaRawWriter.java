package dev.settle.formats.nacha;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes records as read back out, each rebuilt from its fields by {@link NachaRecord#toLine()}.
 *
 * <p>Round-trip rule: every line is followed by {@code lineSeparator} except, when
 * {@code terminateLastLine} is false, the last one. Passing the reader's
 * {@link NachaReader#lineSeparator()} and {@link NachaReader#lastLineTerminated()} reproduces a
 * valid file byte for byte (ISO-8859-1 on both sides). Lines that were not 94 characters come out
 * padded or cut to 94, and skipped empty lines are not restored.
 */
public final class NachaRawWriter implements AutoCloseable {

    private final Writer out;
    private final String lineSeparator;
    private final boolean terminateLastLine;
    private boolean pendingSeparator;

    public NachaRawWriter(OutputStream out, String lineSeparator, boolean terminateLastLine) {
        this(new OutputStreamWriter(out, StandardCharsets.ISO_8859_1), lineSeparator, terminateLastLine);
    }

    public NachaRawWriter(Writer out, String lineSeparator, boolean terminateLastLine) {
        this.out = out;
        this.lineSeparator = lineSeparator == null ? "\n" : lineSeparator;
        this.terminateLastLine = terminateLastLine;
    }

    public void write(NachaRecord record) {
        try {
            if (pendingSeparator) {
                out.write(lineSeparator);
            }
            out.write(record.toLine());
            pendingSeparator = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the last terminator if asked to, and closes the output. */
    @Override
    public void close() {
        try {
            if (pendingSeparator && terminateLastLine) {
                out.write(lineSeparator);
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
