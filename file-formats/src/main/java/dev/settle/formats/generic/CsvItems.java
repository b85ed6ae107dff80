package dev.settle.formats.generic;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.ViolationCode;
import java.io.Closeable;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVRecord;

/**
 * The streaming skeleton every CSV reader shares: one record at a time from a {@link CsvRowSource},
 * typed by {@link #toItem}, with one item of look-ahead for {@link #hasNext()}. Not thread-safe.
 */
public abstract class CsvItems<T> implements Iterator<T>, Closeable {

    protected final CsvRowSource rows;
    private CsvHeader header;
    private T next;

    protected CsvItems(CsvRowSource rows) {
        this.rows = rows;
    }

    /** Types one record, found on 1-based physical {@code line}; problems become violations on the item. */
    protected abstract T toItem(CSVRecord record, long line);

    @Override
    public boolean hasNext() {
        if (next == null) {
            CSVRecord record = rows.next();
            if (record != null) {
                next = toItem(record, rows.line());
            }
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = next;
        next = null;
        return item;
    }

    @Override
    public void close() {
        rows.close();
    }

    /**
     * Reads the header row and finds every column by name.
     *
     * @return each column's 0-based position, -1 for an absent optional one
     * @throws FormatException {@code emptyFile} when there is no header, {@code missingColumn} naming
     *     the first required column that is absent
     */
    protected final <C extends Enum<C> & CsvColumn> Map<C, Integer> readHeader(Class<C> columns, String fileName,
                                                                                ViolationCode emptyFile,
                                                                                ViolationCode missingColumn) {
        CSVRecord first = rows.next();
        if (first == null) {
            throw new FormatException(new Violation(emptyFile, fileName, 1, null, "header", null, null,
                    "the file has no header row"));
        }
        header = CsvHeader.of(first);
        Map<C, Integer> positions = new EnumMap<>(columns);
        for (C c : columns.getEnumConstants()) {
            int i = header.indexOf(c.header());
            if (i < 0 && c.required()) {
                throw new FormatException(new Violation(missingColumn, fileName, rows.line(), null, "header", c.header(), null,
                        "required column '" + c.header() + "' is missing from the header"));
            }
            positions.put(c, i);
        }
        return positions;
    }

    /** The header as read by {@link #readHeader}; null before. */
    protected final CsvHeader header() {
        return header;
    }
}
