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

    /**
     * Copies every record of {@code reader} to {@code out} under the round-trip rule: the line
     * separator of the original's first terminated line ("\n" if none), and a terminator after the
     * last line only if the original had one. Closes {@code out}, not the reader.
     */
    public static void copy(NachaReader reader, OutputStream out) {
        if (!reader.hasNext()) {
            return;
        }
        NachaRecord first = reader.next(); // the separator is known once the first line is read
        NachaRawWriter writer = new NachaRawWriter(out, reader.lineSeparator(), true);
        writer.write(first);
        reader.forEachRemaining(writer::write);
        writer.close(reader.lastLineTerminated());
    }

    /** Writes the last terminator if the constructor asked for it, and closes the output. */
    @Override
    public void close() {
        close(terminateLastLine);
    }

    /** Writes the last terminator if {@code terminateLastLine}, and closes the output. */
    public void close(boolean terminateLastLine) {
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
