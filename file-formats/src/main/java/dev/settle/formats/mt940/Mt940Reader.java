package dev.settle.formats.mt940;

import dev.settle.formats.text.PhysicalLines;
import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streaming MT940 reader: iterates {@link Mt940Item}s (header, entries, trailer per statement) and
 * collects every structural problem in {@link #violations()}. Memory is bounded by one field (at
 * most {@link #MAX_FIELD_LINES} lines of at most 64 KiB), never by the number of statements or entries.
 *
 * <p>Tolerates what banks send around the tag structure: SWIFT block headers ({@code {1:...}{2:...}
 * {4:}), pre-header lines ("ABNANL2A", "940", "0000 01INGBNL2AXXXX00001", ":940:"), transmission
 * control characters (SOH, ETX), blank lines, CRLF/LF/CR, trailing blanks. A line starting with
 * "-" ends the current statement ("-", "-XXX", "-}").
 *
 * <p>Charset: {@link #Mt940Reader(InputStream, String)} reads each line as UTF-8 and, when a line is
 * not valid UTF-8, as windows-1250 (the code page of the Polish, Czech and Hungarian exports we
 * meet); {@link #Mt940Reader(InputStream, String, Charset)} forces a charset (e.g. ISO-8859-1),
 * undecodable bytes become U+FFFD. No byte sequence makes the reader fail.
 *
 * <p>Two-digit years: YY 80–99 are 19YY, 00–79 are 20YY.
 *
 * <p>Lenient: a bad field becomes a violation and a null in the record; only a line longer than
 * 64 KiB or an I/O failure throws {@link FormatException}. Balances are not checked here: see
 * {@link Mt940Validator}.
 */
public final class Mt940Reader implements Iterator<Mt940Item>, AutoCloseable {

    /** Continuation lines kept per field; more are dropped with a violation (SWIFT allows 6 for :86:). */
    public static final int MAX_FIELD_LINES = 1_000;
    /** Violations kept; further ones are counted in {@link #droppedViolations()} only. */
    public static final int MAX_VIOLATIONS = 10_000;

    private static final Pattern TAG_LINE = Pattern.compile("^:([0-9]{2}[A-Z]?|[A-Z]{2}):(.*)$", Pattern.DOTALL);
    private static final Pattern END_LINE = Pattern.compile("^-([A-Z]*|}.*)$");
    private static final Pattern BALANCE = Pattern.compile("^(.)(.{6})(.{3})(.*)$");
    private static final Pattern STATEMENT_LINE = Pattern.compile(
            "^(\\d{6})(\\d{4})?(RC|RD|C|D)([A-Z])?(\\d[\\d,]*)([NFS].{3})?(.*)$");
    private static final Pattern AMOUNT = Pattern.compile("^(\\d+),(\\d*)$");

    // phase ranks: the order tags may come in within one statement
    private static final int P_20 = 0, P_21 = 1, P_25 = 2, P_28 = 3, P_60 = 4, P_61 = 5, P_62 = 6, P_64 = 7, P_65 = 8;

    private final InputStream in;
    private final PhysicalLines lines;
    private final String fileName;
    private final Deque<Mt940Item> ready = new ArrayDeque<>();
    private final List<Violation> violations = new ArrayList<>();
    private long droppedViolations;
    private boolean finished;

    // the field being assembled
    private String fieldTag;
    private final List<String> fieldLines = new ArrayList<>();
    private long fieldLine;

    // the statement being assembled
    private boolean inStatement;
    private int phase;
    private long statementLine;
    private String reference20;
    private String related21;
    private String account25;
    private String statementNumber;
    private String sequenceNumber;
    private Mt940Balance opening;
    private List<Mt940RawTag> headerExtras = new ArrayList<>();
    private boolean headerEmitted;
    private EntryBuilder entry;
    private Mt940Balance closing;
    private Mt940Balance closingAvailable;
    private final List<Mt940Balance> forwardAvailable = new ArrayList<>();
    private List<String> statementInfo;
    private final List<Mt940RawTag> trailerExtras = new ArrayList<>();
    private long trailerLine;

    /** Reads with the default charset rule (UTF-8, per-line fallback to windows-1250). */
    public Mt940Reader(InputStream in, String fileName) {
        this(in, fileName, null);
    }

    /** Reads with a fixed charset; {@code null} means the default rule. */
    public Mt940Reader(InputStream in, String fileName, Charset charset) {
        this.in = in;
        this.fileName = fileName;
        this.lines = new PhysicalLines(in, charset);
    }

    /** Violations found so far (all of them once {@link #hasNext()} returned false). */
    public List<Violation> violations() {
        return Collections.unmodifiableList(violations);
    }

    public long droppedViolations() {
        return droppedViolations;
    }

    public String fileName() {
        return fileName;
    }

    /** @throws FormatException on a line over 64 KiB or an I/O error */
    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !finished) {
            step();
        }
        return !ready.isEmpty();
    }

    @Override
    public Mt940Item next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.removeFirst();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void step() {
        String raw;
        try {
            raw = lines.next();
        } catch (PhysicalLines.LineTooLongException e) {
            throw new FormatException(violation(Mt940Violation.MT940_LINE_TOO_LONG, e.line(), null, null, null,
                    "line longer than " + PhysicalLines.MAX_LINE_BYTES + " bytes"));
        } catch (IOException e) {
            throw new FormatException(violation(Mt940Violation.MT940_IO_ERROR, lines.lineNumber(), null, null, null,
                    "cannot read: " + e.getMessage()), e);
        }
        if (raw == null) {
            flushField();
            endStatement(lines.lineNumber());
            finished = true;
            return;
        }
        long lineNo = lines.lineNumber();
        String line = stripControl(raw);
        Matcher tag = TAG_LINE.matcher(line);
        if (tag.matches()) {
            flushField();
            fieldTag = tag.group(1);
            fieldLine = lineNo;
            fieldLines.add(tag.group(2));
        } else if (END_LINE.matcher(line.stripTrailing()).matches()) {
            flushField();
            endStatement(lineNo);
        } else if (line.startsWith("{")) {
            flushField(); // SWIFT block header/trailer: not part of any field
        } else if (line.isBlank()) {
            // blank lines occur inside statements (ABN AMRO) and between them; they carry nothing
        } else if (fieldTag != null) {
            if (fieldLines.size() < MAX_FIELD_LINES) {
                fieldLines.add(line);
            } else if (fieldLines.size() == MAX_FIELD_LINES) {
                fieldLines.add(null); // marker: reported once
                report(Mt940Violation.MT940_MALFORMED_FIELD, lineNo, ":" + fieldTag + ":", null,
                        "field has more than " + MAX_FIELD_LINES + " lines; the rest is dropped");
            }
        }
        // any other line outside a field is a pre-header line ("940", "ABNANL2A"): ignored
    }

    private static String stripControl(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                if (b == null) {
                    b = new StringBuilder(s.length());
                    b.append(s, 0, i);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private void flushField() {
        if (fieldTag == null) {
            return;
        }
        String tag = fieldTag;
        List<String> value = new ArrayList<>(fieldLines);
        value.removeIf(s -> s == null);
        long line = fieldLine;
        fieldTag = null;
        fieldLines.clear();
        handleField(tag, value, line);
    }

    private void handleField(String tag, List<String> value, long line) {
        String first = value.get(0).strip();
        String display = ":" + tag + ":";
        if (tag.equals("20")) {
            endStatement(line);
            startStatement(first, line);
            return;
        }
        if (!inStatement) {
            report(Mt940Violation.MT940_TAG_OUTSIDE_STATEMENT, line, display, first,
                    "tag outside a statement (no :20: before it)");
            return;
        }
        switch (tag) {
            case "21" -> {
                if (orderOk(P_21, display, first, line)) {
                    related21 = first;
                }
            }
            case "25" -> {
                if (orderOk(P_25, display, first, line)) {
                    account25 = first;
                }
            }
            case "28", "28C" -> {
                if (orderOk(P_28, display, first, line)) {
                    int slash = first.indexOf('/');
                    statementNumber = slash < 0 ? first : first.substring(0, slash);
                    sequenceNumber = slash < 0 ? null : first.substring(slash + 1);
                }
            }
            case "60F", "60M" -> {
                if (orderOk(P_60, display, first, line)) {
                    opening = balance(tag, first, line);
                }
            }
            case "61" -> {
                if (phase > P_61) {
                    report(Mt940Violation.MT940_UNEXPECTED_TAG_ORDER, line, display, first,
                            "statement line after the closing balance");
                    return;
                }
                emitHeader();
                emitEntry();
                phase = P_61;
                entry = statementLine(value, line);
            }
            case "86" -> {
                if (phase == P_61 && entry != null) {
                    if (entry.information.size() < MAX_FIELD_LINES) {
                        entry.information.addAll(value); // Rabobank repeats :86: per line of text
                    }
                } else if (phase >= P_62) {
                    if (statementInfo == null) {
                        statementInfo = new ArrayList<>();
                    }
                    if (statementInfo.size() < MAX_FIELD_LINES) {
                        statementInfo.addAll(value);
                    }
                } else {
                    report(Mt940Violation.MT940_UNEXPECTED_TAG_ORDER, line, display, first,
                            "information to account owner before any statement line");
                }
            }
            case "62F", "62M" -> {
                if (orderOk(P_62, display, first, line)) {
                    emitHeader();
                    emitEntry();
                    closing = balance(tag, first, line);
                    trailerLine = line;
                }
            }
            case "64" -> {
                if (orderOk(P_64, display, first, line)) {
                    emitHeader();
                    emitEntry();
                    closingAvailable = balance(tag, first, line);
                }
            }
            case "65" -> {
                if (phase > P_65) {
                    report(Mt940Violation.MT940_UNEXPECTED_TAG_ORDER, line, display, first, "tag out of order");
                } else {
                    emitHeader();
                    emitEntry();
                    phase = P_65;
                    if (forwardAvailable.size() < MAX_FIELD_LINES) {
                        forwardAvailable.add(balance(tag, first, line));
                    }
                }
            }
            default -> {
                // non-standard (:NS:) or not interpreted here: keep with the item being assembled
                Mt940RawTag rawTag = new Mt940RawTag(tag, String.join("\n", value), line);
                if (phase == P_61 && entry != null) {
                    entry.extras.add(rawTag);
                } else if (phase < P_61) {
                    headerExtras.add(rawTag);
                } else {
                    trailerExtras.add(rawTag);
                }
            }
        }
    }

    private boolean orderOk(int rank, String display, String first, long line) {
        if (phase >= rank) {
            report(Mt940Violation.MT940_UNEXPECTED_TAG_ORDER, line, display, first,
                    phase == P_61 ? "tag " + display + " among the statement lines, where only :61:/:86: may come"
                            : "tag " + display + " out of order or repeated");
            return false;
        }
        phase = rank;
        return true;
    }

    private void startStatement(String reference, long line) {
        inStatement = true;
        phase = P_20;
        statementLine = line;
        reference20 = reference;
        related21 = null;
        account25 = null;
        statementNumber = null;
        sequenceNumber = null;
        opening = null;
        headerExtras = new ArrayList<>();
        headerEmitted = false;
        entry = null;
        closing = null;
        closingAvailable = null;
        forwardAvailable.clear();
        statementInfo = null;
        trailerExtras.clear();
        trailerLine = 0;
    }

    private void endStatement(long line) {
        if (!inStatement) {
            return;
        }
        emitHeader();
        emitEntry();
        if (closing == null) {
            report(Mt940Violation.MT940_MISSING_TAG, statementLine, ":62F:", null,
                    "statement " + reference20 + " has no closing balance (:62F:/:62M:)");
        }
        ready.add(new Mt940StatementTrailer(closing, closingAvailable, forwardAvailable,
                statementInfo == null ? null : String.join("\n", statementInfo), trailerExtras,
                trailerLine > 0 ? trailerLine : line));
        inStatement = false;
    }

    private void emitHeader() {
        if (headerEmitted) {
            return;
        }
        headerEmitted = true;
        if (account25 == null) {
            report(Mt940Violation.MT940_MISSING_TAG, statementLine, ":25:", null,
                    "statement " + reference20 + " has no account identification (:25:)");
        }
        if (statementNumber == null) {
            report(Mt940Violation.MT940_MISSING_TAG, statementLine, ":28C:", null,
                    "statement " + reference20 + " has no statement number (:28C:)");
        }
        if (opening == null) {
            report(Mt940Violation.MT940_MISSING_TAG, statementLine, ":60F:", null,
                    "statement " + reference20 + " has no opening balance (:60F:/:60M:)");
        }
        ready.add(new Mt940StatementHeader(reference20, related21, account25, statementNumber, sequenceNumber,
                opening, headerExtras, statementLine));
    }

    private void emitEntry() {
        if (entry == null) {
            return;
        }
        EntryBuilder e = entry;
        entry = null;
        String info = e.information.isEmpty() ? null : String.join("\n", e.information);
        ready.add(new Mt940Entry(e.valueDate, e.entryDate, e.mark, e.fundsCode, e.amount, e.transactionType,
                e.customerReference, e.bankReference, e.supplementary, info, Mt940Details.parse(info), e.extras,
                e.line));
    }

    private Mt940Balance balance(String tag, String value, long line) {
        String display = ":" + tag + ":";
        Matcher m = BALANCE.matcher(value);
        if (!m.matches()) {
            report(Mt940Violation.MT940_MALFORMED_FIELD, line, display, value,
                    "balance must be mark (C/D), date YYMMDD, currency and amount");
            return new Mt940Balance(tag, null, null, null, null, line);
        }
        Mt940Mark mark = switch (m.group(1)) {
            case "C" -> Mt940Mark.C;
            case "D" -> Mt940Mark.D;
            default -> {
                report(Mt940Violation.MT940_BAD_MARK, line, display, m.group(1), "balance mark must be C or D");
                yield null;
            }
        };
        LocalDate date = date(m.group(2), line, display, "date");
        String code = m.group(3);
        CurrencyUnit currency = currency(code, line, display);
        Money amount = amount(m.group(4), currency, line, display);
        return new Mt940Balance(tag, mark, date, code, amount, line);
    }

    private EntryBuilder statementLine(List<String> value, long line) {
        EntryBuilder e = new EntryBuilder(line);
        String first = value.get(0).stripTrailing();
        if (value.size() > 1) {
            // the second line holds supplementary details; any further lines are kept with it
            e.supplementary = String.join("\n", value.subList(1, value.size())).stripTrailing();
        }
        Matcher m = STATEMENT_LINE.matcher(first);
        if (!m.matches()) {
            report(Mt940Violation.MT940_MALFORMED_FIELD, line, ":61:", first,
                    "statement line must start with value date, mark, amount and transaction type");
            e.customerReference = "";
            return e;
        }
        e.valueDate = date(m.group(1), line, ":61:", "valueDate");
        if (m.group(2) != null) {
            e.entryDate = entryDate(m.group(2), e.valueDate, m.group(1), line);
        }
        e.mark = Mt940Mark.valueOf(m.group(3));
        e.fundsCode = m.group(4) == null ? null : m.group(4).charAt(0);
        CurrencyUnit currency = opening == null || opening.amount() == null ? null : opening.amount().currency();
        if (currency == null) {
            currency = opening == null || opening.currencyCode() == null ? null
                    : CurrencyUnit.find(opening.currencyCode()).orElse(null);
        }
        e.amount = currency == null ? null : amount(m.group(5), currency, line, ":61:");
        if (m.group(6) == null) {
            report(Mt940Violation.MT940_MALFORMED_FIELD, line, ":61:", first,
                    "statement line has no transaction type (N/F/S + 3 characters) after the amount");
        }
        e.transactionType = m.group(6);
        String refs = m.group(7);
        int slashes = refs.indexOf("//");
        e.customerReference = slashes < 0 ? refs : refs.substring(0, slashes);
        e.bankReference = slashes < 0 ? null : refs.substring(slashes + 2);
        return e;
    }

    private LocalDate date(String yymmdd, long line, String recordType, String field) {
        if (yymmdd.length() != 6 || !yymmdd.chars().allMatch(c -> c >= '0' && c <= '9')) {
            report(Mt940Violation.MT940_INVALID_DATE, line, recordType, field, yymmdd, "date must be YYMMDD");
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        try {
            return LocalDate.of(yy >= 80 ? 1900 + yy : 2000 + yy,
                    Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (DateTimeException e) {
            report(Mt940Violation.MT940_INVALID_DATE, line, recordType, field, yymmdd, "not a calendar date");
            return null;
        }
    }

    /** MMDD with the year rule documented on {@link Mt940Entry}. */
    private LocalDate entryDate(String mmdd, LocalDate valueDate, String rawValueDate, long line) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2, 4));
        int year;
        if (valueDate != null) {
            year = valueDate.getYear();
            if (month - valueDate.getMonthValue() > 6) {
                year--;
            } else if (valueDate.getMonthValue() - month > 6) {
                year++;
            }
        } else {
            int yy = Integer.parseInt(rawValueDate.substring(0, 2));
            year = yy >= 80 ? 1900 + yy : 2000 + yy;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            report(Mt940Violation.MT940_INVALID_DATE, line, ":61:", "entryDate", mmdd, "not a calendar date");
            return null;
        }
    }

    private CurrencyUnit currency(String code, long line, String recordType) {
        CurrencyUnit unit = CurrencyUnit.find(code).orElse(null);
        if (unit == null) {
            report(Mt940Violation.MT940_UNKNOWN_CURRENCY, line, recordType, "currency", code,
                    "not an active ISO 4217 currency");
        }
        return unit;
    }

    private Money amount(String raw, CurrencyUnit currency, long line, String recordType) {
        String value = raw.strip();
        Matcher m = AMOUNT.matcher(value);
        if (!m.matches()) {
            report(Mt940Violation.MT940_BAD_AMOUNT, line, recordType, "amount", raw,
                    "amount must be digits with one ',' decimal separator");
            return null;
        }
        if (currency == null) {
            return null;
        }
        try {
            String fraction = m.group(2);
            return Money.of(new BigDecimal(m.group(1) + (fraction.isEmpty() ? "" : "." + fraction)), currency);
        } catch (MoneyException e) {
            report(Mt940Violation.MT940_BAD_AMOUNT, line, recordType, "amount", raw, e.getMessage());
            return null;
        }
    }

    private void report(Mt940Violation code, long line, String recordType, String rawValue, String message) {
        report(code, line, recordType, null, rawValue, message);
    }

    private void report(Mt940Violation code, long line, String recordType, String field, String rawValue,
            String message) {
        if (violations.size() >= MAX_VIOLATIONS) {
            droppedViolations++;
            return;
        }
        violations.add(violation(code, line, recordType, field, rawValue, message));
    }

    private Violation violation(Mt940Violation code, long line, String recordType, String field, String rawValue,
            String message) {
        return new Violation(code, fileName, line, null, recordType, field, rawValue, message);
    }

    private static final class EntryBuilder {
        final long line;
        LocalDate valueDate;
        LocalDate entryDate;
        Mt940Mark mark;
        Character fundsCode;
        Money amount;
        String transactionType;
        String customerReference;
        String bankReference;
        String supplementary;
        final List<String> information = new ArrayList<>();
        final List<Mt940RawTag> extras = new ArrayList<>();

        EntryBuilder(long line) {
            this.line = line;
        }
    }
}
