package dev.settle.readerswriters.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one PostgreSQL {@code COPY … FROM STDIN (FORMAT csv)} on the caller's
 * connection (so the rows commit or roll back with the caller's transaction). Rows are sent in
 * 64 KiB pieces as they are added: the server parses and indexes while the caller renders the
 * next rows, and no chunk is ever held whole in memory.
 *
 * <p>Encoding ({@link Encoder}): {@code null} is an unquoted empty field (SQL NULL); integers are
 * bare digits; every other value is quoted, so an empty string stays an empty string. Not
 * thread-safe; one open copy per connection.
 */
public final class CsvCopyIn implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 16;

    private final CopyIn copy;
    private final Encoder encoder = new Encoder(FLUSH_BYTES + 4096);
    private long rows;

    private CsvCopyIn(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code sql}, a {@code COPY table (columns) FROM STDIN (FORMAT csv)}, on {@code connection}. */
    public static CsvCopyIn open(Connection connection, String sql) throws SQLException {
        return new CsvCopyIn(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** Adds one row; see {@link Encoder#row} for how values are written. */
    public CsvCopyIn row(Object... values) throws SQLException {
        encoder.row(values);
        rows++;
        if (encoder.length() >= FLUSH_BYTES) {
            flush();
        }
        return this;
    }

    /** Sends what is left and ends the COPY; returns the number of rows the server stored. */
    public long finish() throws SQLException {
        flush();
        long stored = copy.endCopy();
        if (stored != rows) {
            throw new SQLException("COPY stored " + stored + " rows, " + rows + " were sent");
        }
        return stored;
    }

    /** Cancels a COPY that was not finished (the server discards its rows). */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (encoder.length() == 0) {
            return;
        }
        copy.writeToCopy(encoder.bytes(), 0, encoder.length());
        encoder.clear();
    }

    /**
     * Renders rows straight into UTF-8 bytes (a million-row COPY spent most of its client time
     * building strings and re-encoding them). Values: {@code null} → unquoted empty field (SQL
     * NULL); {@link Long} and {@link Integer} → bare digits; {@link LocalDate} → ISO date; anything
     * else → its {@code toString()}, quoted, with quotes doubled.
     */
    static final class Encoder {

        private byte[] bytes;
        private int length;

        Encoder(int initialBytes) {
            bytes = new byte[initialBytes];
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        void clear() {
            length = 0;
        }

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                Object v = values[i];
                if (v instanceof Long n) {
                    digits(n);
                } else if (v instanceof Integer n) {
                    digits(n);
                } else if (v != null) {
                    quoted(v instanceof String s ? s : v instanceof LocalDate d ? d.toString() : v.toString());
                }
            }
            put((byte) '\n');
        }

        private void digits(long n) {
            if (n == Long.MIN_VALUE) {
                ascii(Long.toString(n));
                return;
            }
            ensure(20);
            if (n < 0) {
                bytes[length++] = '-';
                n = -n;
            }
            int end = length + digitCount(n);
            for (int at = end - 1; at >= length; at--) {
                bytes[at] = (byte) ('0' + n % 10);
                n /= 10;
            }
            length = end;
        }

        private static int digitCount(long n) {
            int count = 1;
            while (n >= 10) {
                n /= 10;
                count++;
            }
            return count;
        }

        private void quoted(String s) {
            ensure(2 * s.length() + 2);
            bytes[length++] = '"';
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    nonAscii(s.substring(i));
                    break;
                }
                if (c == '"') {
                    bytes[length++] = '"';
                }
                bytes[length++] = (byte) c;
            }
            put((byte) '"');
        }

        /** The rest of a value from its first non-ASCII character: UTF-8, in which no multi-byte sequence holds a '"'. */
        private void nonAscii(String rest) {
            byte[] utf8 = rest.getBytes(StandardCharsets.UTF_8);
            ensure(2 * utf8.length + 1);
            for (byte b : utf8) {
                if (b == '"') {
                    bytes[length++] = '"';
                }
                bytes[length++] = b;
            }
        }

        private void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        private void put(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
            }
        }
    }
}
