package dev.settle.formats.payoutcsv;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streaming, lenient reader of payout CSV files (UTF-8): checks the header row, then yields one
 * {@link PayoutCsvRecord} per row with its starting line; field contents are not checked here.
 *
 * <p>Throws {@link FormatException} for an empty file ({@code PAYOUT_CSV_EMPTY_FILE}), a wrong
 * header ({@code PAYOUT_CSV_BAD_HEADER}) or broken CSV syntax ({@code PAYOUT_CSV_MALFORMED}).
 */
public final class PayoutCsvReader implements Iterator<PayoutCsvRecord>, Closeable {

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private long nextLine = 1;

    public PayoutCsvReader(InputStream in, String fileName) {
        this(new InputStreamReader(in, StandardCharsets.UTF_8), fileName);
    }

    public PayoutCsvReader(Reader in, String fileName) {
        this.fileName = fileName;
        try {
            this.parser = CSVParser.builder().setReader(in).setFormat(PayoutCsv.READ_FORMAT).get();
        } catch (IOException | UncheckedIOException e) {
            throw malformed(e);
        }
        this.rows = parser.iterator();
        if (!hasNextRow()) {
            throw new FormatException(new Violation(PayoutCsvViolation.PAYOUT_CSV_EMPTY_FILE, fileName, 0, null, null,
                    null, null, "no header row"));
        }
        CSVRecord header = nextRow();
        if (!header.toList().equals(PayoutCsv.HEADER)) {
            throw new FormatException(new Violation(PayoutCsvViolation.PAYOUT_CSV_BAD_HEADER, fileName, 1, null,
                    "header", null, String.join(",", header.toList()), "expected " + String.join(",", PayoutCsv.HEADER)));
        }
    }

    @Override
    public boolean hasNext() {
        return hasNextRow();
    }

    @Override
    public PayoutCsvRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long line = nextLine;
        CSVRecord row = nextRow();
        List<String> f = new ArrayList<>(row.toList());
        String type = f.get(0);
        if (type.equals(PayoutCsv.PAYOUT) && f.size() == PayoutCsv.PAYOUT_FIELDS) {
            return new PayoutCsvRecord.PayoutRow(line, f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6),
                    f.get(7), f.get(8), f.get(9));
        }
        if (type.equals(PayoutCsv.TRAILER) && f.size() == PayoutCsv.TRAILER_FIELDS) {
            return new PayoutCsvRecord.TrailerRow(line, f.get(1), f.get(2), f.get(3));
        }
        return new PayoutCsvRecord.BadRow(line, List.copyOf(f));
    }

    private boolean hasNextRow() {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    private CSVRecord nextRow() {
        try {
            CSVRecord r = rows.next();
            // The parser has consumed the row's terminator; the next row starts on the following line.
            nextLine = parser.getCurrentLineNumber() + 1;
            return r;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    private FormatException malformed(Exception e) {
        return new FormatException(new Violation(PayoutCsvViolation.PAYOUT_CSV_MALFORMED, fileName,
                parser == null ? 0 : parser.getCurrentLineNumber() + 1, null, null, null, null,
                "broken CSV: " + e.getMessage()), e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
