package dev.settle.formats.nacha;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streaming, lenient NACHA reader: one {@link NachaRecord} per physical line, read on demand, so
 * memory does not grow with the file.
 *
 * <p>Leniency: lines may end in LF, CRLF or CR, the last line may lack a terminator, short or long
 * lines are padded or cut to 94 characters for field extraction (the raw text is kept for the
 * validator), 9-filled block padding becomes {@link FillerRecord}s, and empty lines are skipped
 * (they still count for line numbers). Nothing is validated here; see {@link NachaValidator}.
 *
 * <p>Bytes are decoded as ISO-8859-1, so every byte maps to one character and no input is
 * "unreadable" by encoding; writing the same records back with ISO-8859-1 restores the bytes.
 *
 * <p>Throws {@link FormatException} only for a line longer than {@link #MAX_LINE_CHARS} (not a
 * NACHA file; refusing keeps memory bounded) or an I/O error.
 */
public final class NachaReader implements Iterator<NachaRecord>, Closeable {

    /** Every NACHA record is 94 characters. */
    public static final int RECORD_LENGTH = 94;
    /** Longest line accepted before the reader gives up. */
    public static final int MAX_LINE_CHARS = 4096;

    private final BufferedReader in;
    private final String fileName;
    private final StringBuilder buffer = new StringBuilder(RECORD_LENGTH + 2);
    private long lineNumber;
    private NachaRecord next;
    private boolean eof;
    private int pushedBack = -2;
    private String lineSeparator;
    private boolean lastLineTerminated;

    public NachaReader(InputStream in, String fileName) {
        this(new InputStreamReader(in, StandardCharsets.ISO_8859_1), fileName);
    }

    public NachaReader(Reader in, String fileName) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 64 * 1024);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The terminator of the first terminated line ("\n", "\r\n" or "\r"), or null if there was none yet. */
    public String lineSeparator() {
        return lineSeparator;
    }

    /** Whether the last line read had a terminator; meaningful once {@link #hasNext()} returned false. */
    public boolean lastLineTerminated() {
        return lastLineTerminated;
    }

    /** Physical lines read so far. */
    public long linesRead() {
        return lineNumber;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !eof) {
            String raw = readLine();
            if (raw == null) {
                eof = true;
            } else if (!raw.isEmpty()) {
                next = toRecord(lineNumber, raw);
            }
        }
        return next != null;
    }

    @Override
    public NachaRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        NachaRecord r = next;
        next = null;
        return r;
    }

    /** The remaining records as a sequential stream; closing the stream closes this reader. */
    public Stream<NachaRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /** Classifies one line by its first character (and, for 7, its addenda type). */
    static NachaRecord toRecord(long line, String raw) {
        return switch (raw.charAt(0)) {
            case '1' -> FileHeader.parse(line, raw);
            case '5' -> BatchHeader.parse(line, raw);
            case '6' -> EntryDetail.parse(line, raw);
            case '7' -> Addenda.parse(line, raw);
            case '8' -> BatchControl.parse(line, raw);
            case '9' -> raw.equals(FillerRecord.LINE) ? new FillerRecord(line, raw) : FileControl.parse(line, raw);
            default -> new UnknownRecord(line, raw);
        };
    }

    private String readLine() {
        buffer.setLength(0);
        try {
            int c = read();
            if (c < 0) {
                return null;
            }
            lineNumber++;
            while (c >= 0 && c != '\n' && c != '\r') {
                if (buffer.length() >= MAX_LINE_CHARS) {
                    throw new FormatException(new Violation(NachaViolation.NACHA_LINE_TOO_LONG, fileName, lineNumber,
                            null, null, null, null, "line is longer than " + MAX_LINE_CHARS
                                    + " characters; NACHA records are 94 characters"));
                }
                buffer.append((char) c);
                c = read();
            }
            String separator = null;
            if (c == '\n') {
                separator = "\n";
            } else if (c == '\r') {
                int n = read();
                if (n == '\n') {
                    separator = "\r\n";
                } else {
                    separator = "\r";
                    pushedBack = n;
                }
            }
            lastLineTerminated = separator != null;
            if (lineSeparator == null) {
                lineSeparator = separator;
            }
            return buffer.toString();
        } catch (IOException e) {
            throw new FormatException(new Violation(NachaViolation.NACHA_UNREADABLE, fileName, lineNumber, null, null,
                    null, null, "cannot read: " + e.getMessage()), e);
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
