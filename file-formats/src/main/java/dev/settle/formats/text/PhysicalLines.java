package dev.settle.formats.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into physical lines (LF, CRLF or lone CR), decoding each line on its own so
 * one undecodable line never spoils the rest. Memory is bounded by {@link #MAX_LINE_BYTES}.
 *
 * <p>Decoding: with an explicit charset, malformed bytes become U+FFFD. With {@code null} (the
 * reader's default) a line is decoded as strict UTF-8 and, when that fails, as windows-1250, the
 * code page of the central European exports we see (mBank, Sberbank HU); windows-1250 maps almost
 * every byte, the rest become U+FFFD.
 */
public final class PhysicalLines {

    public static final int MAX_LINE_BYTES = 64 * 1024;
    public static final Charset FALLBACK = Charset.forName("windows-1250");

    private final InputStream in;
    private final Charset charset;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;
    private boolean eof;
    private int pushedBack = -1;
    private long lineNumber;
    private byte[] line = new byte[256];

    public PhysicalLines(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
    }

    /** 1-based number of the line last returned. */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * The next line without its terminator, or null at end of input.
     *
     * @throws LineTooLongException when a line exceeds {@link #MAX_LINE_BYTES}
     */
    public String next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                int after = read();
                if (after != '\n' && after >= 0) {
                    pushedBack = after;
                }
                break;
            }
            if (length == MAX_LINE_BYTES) {
                lineNumber++;
                throw new LineTooLongException(lineNumber);
            }
            if (length == line.length) {
                byte[] bigger = new byte[Math.min(MAX_LINE_BYTES, line.length * 2)];
                System.arraycopy(line, 0, bigger, 0, length);
                line = bigger;
            }
            line[length++] = (byte) b;
        }
        lineNumber++;
        return decode(line, length);
    }

    private String decode(byte[] bytes, int length) {
        if (charset != null) {
            return new String(bytes, 0, length, charset); // String replaces malformed bytes
        }
        try {
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, length, FALLBACK);
        }
    }

    private int read() throws IOException {
        if (pushedBack >= 0) {
            int b = pushedBack;
            pushedBack = -1;
            return b;
        }
        if (pos == limit) {
            if (eof) {
                return -1;
            }
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                eof = true;
                return -1;
            }
        }
        return buffer[pos++] & 0xFF;
    }

    public static final class LineTooLongException extends IOException {
        private final long line;

        LineTooLongException(long line) {
            super("line " + line + " is longer than " + MAX_LINE_BYTES + " bytes");
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
