package dev.settle.readerswriters.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one PostgreSQL {@code COPY … FROM STDIN (FORMAT csv)} on the caller's
 * connection (so the rows commit or roll back with the caller's transaction). Rows are sent in
 * 64 KiB pieces as they are added: the server parses and indexes while the caller renders the
 * next rows, and no chunk is ever held whole in memory.
 *
 * <p>Encoding: {@code null} is an unquoted empty field (SQL NULL); every other value is quoted, so
 * an empty string stays an empty string. Not thread-safe; one open copy per connection.
 */
public final class CsvCopyIn implements AutoCloseable {

    private static final int FLUSH_CHARS = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
    private long rows;

    private CsvCopyIn(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code sql}, a {@code COPY table (columns) FROM STDIN (FORMAT csv)}, on {@code connection}. */
    public static CsvCopyIn open(Connection connection, String sql) throws SQLException {
        return new CsvCopyIn(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** Adds one row; values are rendered with {@code toString()} (dates as ISO dates). */
    public CsvCopyIn row(Object... values) throws SQLException {
        appendRow(buffer, values);
        rows++;
        if (buffer.length() >= FLUSH_CHARS) {
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
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** One CSV row for COPY: null is an unquoted empty field; every other value is quoted. */
    static void appendRow(StringBuilder csv, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object v = values[i];
            if (v == null) {
                continue;
            }
            String s = v instanceof LocalDate d ? d.toString() : v.toString();
            csv.append('"');
            if (s.indexOf('"') < 0) {
                csv.append(s);
            } else {
                csv.append(s.replace("\"", "\"\""));
            }
            csv.append('"');
        }
        csv.append('\n');
    }
}
