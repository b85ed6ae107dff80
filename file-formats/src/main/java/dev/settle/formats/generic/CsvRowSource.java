package dev.settle.formats.generic;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.ViolationCode;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV plumbing shared by the CSV-based formats (Adyen, Stripe, generic mapped CSV): streams the
 * records of one delimited text file, lazily, with the 1-based physical line each record starts on.
 *
 * <p>Blank lines are skipped (but counted). A structurally broken file (an unclosed quote, a
 * character after a closing quote) ends reading with a {@link FormatException} carrying the
 * caller's "malformed CSV" code and the line where the broken record started. Not thread-safe.
 */
public final class CsvRowSource implements Closeable {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String fileName;
    private final ViolationCode malformedCode;
    private long line;

    /**
     * @param format a format from {@link #format(char, Character)} (empty lines must NOT be ignored
     *     by the parser: counting them ourselves is what keeps line numbers exact)
     * @param malformedCode the fatal code used when the CSV structure is broken
     */
    public CsvRowSource(Reader reader, CSVFormat format, String fileName, ViolationCode malformedCode) {
        this.fileName = fileName;
        this.malformedCode = malformedCode;
        try {
            this.parser = CSVParser.parse(reader, format);
        } catch (IOException e) {
            throw new FormatException(new Violation(malformedCode, fileName, 0, null, null, null, null,
                    "cannot read: " + e.getMessage()), e);
        }
        this.records = parser.iterator();
    }

    /**
     * A Commons CSV format for a delimited file: no header handling (callers map headers
     * themselves, so a missing column can be reported by name), empty lines kept so line numbers
     * stay exact, no trimming (a space may be data).
     *
     * @param quote the quote character, or null for none
     */
    public static CSVFormat format(char delimiter, Character quote) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote(quote)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .get();
    }

    /** The next non-blank record, or null at the end of the file. */
    public CSVRecord next() {
        while (true) {
            long linesBefore = parser.getCurrentLineNumber();
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                // Commons CSV reports structural errors (EOF inside quotes, junk after a closing quote) this way.
                throw new FormatException(new Violation(malformedCode, fileName, linesBefore + 1, null, null, null, null,
                        "malformed CSV: " + rootMessage(e)), e);
            }
            // Empty lines are not ignored by the parser, so the record starts right after the lines consumed so far.
            line = linesBefore + 1;
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            return record;
        }
    }

    /** 1-based physical line on which the record last returned by {@link #next()} starts. */
    public long line() {
        return line;
    }

    public String fileName() {
        return fileName;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
