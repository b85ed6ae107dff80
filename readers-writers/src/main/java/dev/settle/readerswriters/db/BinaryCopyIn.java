package dev.settle.readerswriters.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one PostgreSQL {@code COPY … FROM STDIN (FORMAT binary)} on the caller's
 * connection (so the rows commit or roll back with the caller's transaction). Rows are sent in
 * 64 KiB pieces as they are added: the server stores and indexes while the caller encodes the
 * next rows, and no chunk is ever held whole in memory.
 *
 * <p>Binary rather than CSV: the server takes each value as it is stored instead of parsing text
 * (a timestamp's text is parsed field by field), and the client copies bytes instead of scanning
 * every character for quotes (the CSV encoder was most of the client's time in a million-row
 * ingest). The price is that every value must be written with the method of its column's type
 * ({@link Encoder}); a wrong one makes the server refuse the whole COPY, naming the line and
 * column ("insufficient data left in message … COPY t, line 1, column n"), it never stores a
 * wrong value. Not thread-safe; one open copy per connection.
 */
public final class BinaryCopyIn implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 16;

    private final CopyIn copy;
    private final Encoder encoder = new Encoder(FLUSH_BYTES + 4096);
    private long rows;

    private BinaryCopyIn(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code sql}, a {@code COPY table (columns) FROM STDIN (FORMAT binary)}, on {@code connection}. */
    public static BinaryCopyIn open(Connection connection, String sql) throws SQLException {
        return new BinaryCopyIn(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /**
     * Starts the next row, of {@code columns} values (as many as the COPY names); sends what is
     * buffered first when that is a full piece.
     */
    public Encoder row(int columns) throws SQLException {
        if (encoder.length() >= FLUSH_BYTES) {
            encoder.endRow();
            flush();
        }
        encoder.startRow(columns);
        rows++;
        return encoder;
    }

    /** Sends what is left and ends the COPY; returns the number of rows the server stored. */
    public long finish() throws SQLException {
        encoder.endRow();
        encoder.trailer();
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
     * Writes PostgreSQL's binary COPY format: a signature, then per row a 16-bit value count and
     * per value a 32-bit length (-1: SQL NULL) and the value in the column type's own binary form,
     * all big-endian; a count of -1 ends the data. Each method below is for one column type; the
     * boxed and object ones write NULL for {@code null}.
     */
    public static final class Encoder {

        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
                0, 0, 0, 0, // flags: no OIDs
                0, 0, 0, 0}; // no header extension
        /** PostgreSQL counts dates and timestamps from 2000-01-01 (UTC for timestamptz). */
        private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
        private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;

        private byte[] bytes;
        private int length;
        private int valuesLeft;

        Encoder(int initialBytes) {
            bytes = new byte[initialBytes];
            put(SIGNATURE, 0, SIGNATURE.length);
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

        void startRow(int columns) {
            endRow();
            if (columns < 1 || columns > Short.MAX_VALUE) {
                throw new IllegalArgumentException("a row has 1 to 32767 values, not " + columns);
            }
            int16(columns);
            valuesLeft = columns;
        }

        /** Refuses a row that got fewer values than it announced: the server would misread every value after it. */
        void endRow() {
            if (valuesLeft != 0) {
                throw new IllegalStateException("row ended with " + valuesLeft + " of its values missing");
            }
        }

        void trailer() {
            int16(-1);
        }

        /** {@code bigint}. */
        public Encoder int8(long value) {
            value(8);
            int64(value);
            return this;
        }

        /** {@code bigint}, NULL for {@code null}. */
        public Encoder int8(Long value) {
            return value == null ? nul() : int8(value.longValue());
        }

        /** {@code integer}. */
        public Encoder int4(int value) {
            value(4);
            int32(value);
            return this;
        }

        /** {@code boolean}. */
        public Encoder bool(boolean value) {
            value(1);
            bytes[length++] = (byte) (value ? 1 : 0);
            return this;
        }

        /** {@code text}, {@code varchar} or {@code char(n)}: UTF-8 (the driver's client encoding); NULL for {@code null}. */
        public Encoder text(String value) {
            if (value == null) {
                return nul();
            }
            int n = value.length();
            value(0);
            ensure(n);
            int lengthAt = length - 4;
            for (int i = 0; i < n; i++) { // ASCII, the usual case, is one byte a character
                char c = value.charAt(i);
                if (c >= 0x80) {
                    length = lengthAt + 4;
                    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                    ensure(utf8.length);
                    System.arraycopy(utf8, 0, bytes, length, utf8.length);
                    length += utf8.length;
                    n = utf8.length;
                    break;
                }
                bytes[length++] = (byte) c;
            }
            putInt32At(lengthAt, n);
            return this;
        }

        /** {@code date}, NULL for {@code null}. */
        public Encoder date(LocalDate value) {
            if (value == null) {
                return nul();
            }
            return int4(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAY));
        }

        /**
         * {@code timestamptz}, NULL for {@code null}. PostgreSQL keeps microseconds: a finer instant
         * is rounded to the nearest microsecond, a half to the even one, as the server rounds the
         * text form.
         */
        public Encoder timestamptz(Instant value) {
            if (value == null) {
                return nul();
            }
            long micros = value.getNano() / 1000;
            int belowMicro = value.getNano() % 1000;
            if (belowMicro > 500 || belowMicro == 500 && (micros & 1) == 1) {
                micros++;
            }
            value(8);
            int64(Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L), micros));
            return this;
        }

        private Encoder nul() {
            value(-1);
            return this;
        }

        /** Counts one value of the row and writes its length. */
        private void value(int byteLength) {
            if (valuesLeft == 0) {
                throw new IllegalStateException("more values than the row announced");
            }
            valuesLeft--;
            ensure(4 + Math.max(byteLength, 0));
            int32(byteLength);
        }

        private void int16(int v) {
            ensure(2);
            bytes[length++] = (byte) (v >>> 8);
            bytes[length++] = (byte) v;
        }

        private void int32(int v) {
            ensure(4);
            putInt32At(length, v);
            length += 4;
        }

        private void putInt32At(int at, int v) {
            bytes[at] = (byte) (v >>> 24);
            bytes[at + 1] = (byte) (v >>> 16);
            bytes[at + 2] = (byte) (v >>> 8);
            bytes[at + 3] = (byte) v;
        }

        private void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }

        private void put(byte[] source, int from, int count) {
            ensure(count);
            System.arraycopy(source, from, bytes, length, count);
            length += count;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
            }
        }
    }
}
