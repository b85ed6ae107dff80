package dev.settle.formats.bai2;

import dev.settle.formats.text.PhysicalLines;
import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streaming BAI2 reader: turns physical lines into logical {@link Bai2Record}s, merging 88
 * continuations, and collects every field problem in {@link #violations()}. Memory is bounded by
 * one logical record (at most {@link #MAX_CONTINUATIONS} continuations of at most 64 KiB).
 *
 * <p>Record boundaries, as banks send them: a record ends at a '/' that is followed by nothing but
 * blanks or by the next record ("16,...PPD/ 16,142,..."), or at the end of the physical line when
 * there is no '/' (Goldman Sachs style 16/88 records). Several records may share one line. A
 * physical line that does not start with a record code continues the text of an unterminated 16
 * (or its 88); it is appended to that text as found.
 *
 * <p>Continuations (88): after a 16 they continue its text and are kept as separate strings; after
 * any other record their fields continue that record's field list (a 03 summary may be split
 * anywhere between fields).
 *
 * <p>Amounts are integers in implied decimals: the exponent of the account's currency (03 currency,
 * else the 02 group currency, else the default currency — USD unless given to the constructor —
 * since BAI2 says an omitted currency means U.S. dollars).
 *
 * <p>Nesting and control totals are not checked here: see {@link Bai2Validator}. Only a line over
 * 64 KiB or an I/O failure throws {@link FormatException}.
 */
public final class Bai2Reader implements Iterator<Bai2Record>, AutoCloseable {

    public static final int MAX_CONTINUATIONS = 10_000;
    public static final int MAX_VIOLATIONS = 10_000;
    private static final Set<String> CODES = Set.of("01", "02", "03", "16", "49", "88", "98", "99");
    private static final Pattern SIGNED = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern UNSIGNED = Pattern.compile("\\d{1,18}");

    private final InputStream in;
    private final PhysicalLines lines;
    private final String fileName;
    private final CurrencyUnit defaultCurrency;
    private final Deque<Bai2Record> ready = new ArrayDeque<>();
    private final List<Violation> violations = new ArrayList<>();
    private long droppedViolations;
    private boolean finished;

    private Pending pending;
    private String groupCurrency;

    public Bai2Reader(InputStream in, String fileName) {
        this(in, fileName, StandardCharsets.ISO_8859_1, CurrencyUnit.USD);
    }

    /**
     * @param charset how bytes become text (BAI2 is ASCII; ISO-8859-1 by default so any byte reads)
     * @param defaultCurrency currency of accounts whose 03 and 02 name none
     */
    public Bai2Reader(InputStream in, String fileName, Charset charset, CurrencyUnit defaultCurrency) {
        this.in = in;
        this.fileName = fileName;
        this.lines = new PhysicalLines(in, charset);
        this.defaultCurrency = defaultCurrency;
    }

    public String fileName() {
        return fileName;
    }

    public List<Violation> violations() {
        return Collections.unmodifiableList(violations);
    }

    public long droppedViolations() {
        return droppedViolations;
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
    public Bai2Record next() {
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
        String line;
        try {
            line = lines.next();
        } catch (PhysicalLines.LineTooLongException e) {
            throw new FormatException(new Violation(Bai2Violation.BAI2_LINE_TOO_LONG, fileName, e.line(), null, null,
                    null, null, "line longer than " + PhysicalLines.MAX_LINE_BYTES + " bytes"));
        } catch (IOException e) {
            throw new FormatException(new Violation(Bai2Violation.BAI2_IO_ERROR, fileName, lines.lineNumber(), null,
                    null, null, null, "cannot read: " + e.getMessage()), e);
        }
        if (line == null) {
            flushPending();
            finished = true;
            return;
        }
        splitLine(line, lines.lineNumber());
    }

    /** Cuts one physical line into records. */
    private void splitLine(String line, long lineNo) {
        int p = 0;
        int n = line.length();
        boolean first = true;
        while (true) {
            while (p < n && Character.isWhitespace(line.charAt(p))) {
                p++;
            }
            if (p >= n) {
                return;
            }
            if (!startsRecord(line, p)) {
                if (first && pending != null && pending.textOpen) {
                    pending.appendText(line.substring(p)); // unterminated 16 text wrapped onto this line
                    stripTerminatorOfWrappedText();
                } else {
                    report(Bai2Violation.BAI2_MALFORMED_RECORD, lineNo, null, null, abbreviate(line.substring(p)),
                            "line does not start with a two-digit record code and a comma");
                }
                return;
            }
            String code = line.substring(p, p + 2);
            int bodyStart = Math.min(p + 3, n);
            int end = recordEnd(line, bodyStart);
            boolean terminated = end < n;
            String body = line.substring(bodyStart, terminated ? end : n);
            record(code, body, terminated, lineNo);
            p = terminated ? end + 1 : n;
            first = false;
        }
    }

    private void stripTerminatorOfWrappedText() {
        pending.textOpen = !pending.endsWithTerminator();
    }

    /** "NN," at {@code p}: the start of a record (any code; unknown ones are reported). */
    private static boolean startsRecord(String s, int p) {
        return p + 3 <= s.length() && Character.isDigit(s.charAt(p)) && Character.isDigit(s.charAt(p + 1))
                && s.charAt(p + 2) == ',';
    }

    /** Index of the '/' that ends the record starting its body at {@code from}, or the line length. */
    private static int recordEnd(String s, int from) {
        int slash = s.indexOf('/', from);
        while (slash >= 0) {
            int q = slash + 1;
            while (q < s.length() && Character.isWhitespace(s.charAt(q))) {
                q++;
            }
            // after a '/', only a known record code starts the next record: "22/03/66" in a text is text
            if (q == s.length() || startsRecord(s, q) && CODES.contains(s.substring(q, q + 2))) {
                return slash;
            }
            slash = s.indexOf('/', slash + 1);
        }
        return s.length();
    }

    private void record(String code, String body, boolean terminated, long lineNo) {
        if (!CODES.contains(code)) {
            report(Bai2Violation.BAI2_UNKNOWN_RECORD_CODE, lineNo, code, "recordCode", code,
                    "unknown record code; BAI2 defines 01, 02, 03, 16, 49, 88, 98, 99");
            return;
        }
        if (code.equals("88")) {
            if (pending == null) {
                report(Bai2Violation.BAI2_ORPHAN_CONTINUATION, lineNo, "88", null, abbreviate(body),
                        "continuation record with no record to continue");
                return;
            }
            pending.physical++;
            if (pending.code.equals("16")) {
                if (pending.continuations.size() < MAX_CONTINUATIONS) {
                    pending.continuations.add(body);
                }
                pending.textOpen = !terminated;
            } else if (pending.fields.size() < MAX_CONTINUATIONS) {
                pending.fields.addAll(split(body));
            }
            return;
        }
        flushPending();
        pending = new Pending(code, lineNo);
        if (code.equals("16")) {
            pending.body16 = body;
            pending.textOpen = !terminated;
        } else {
            pending.fields.addAll(split(body));
        }
    }

    private static List<String> split(String body) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || body.charAt(i) == ',') {
                out.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        return out;
    }

    private void flushPending() {
        if (pending == null) {
            return;
        }
        Pending p = pending;
        pending = null;
        Bai2Record record = switch (p.code) {
            case "01" -> fileHeader(p);
            case "02" -> groupHeader(p);
            case "03" -> account(p);
            case "16" -> detail(p);
            case "49" -> new Bai2AccountTrailer(signed(p, 0, "controlTotal"), count(p, 1, "numberOfRecords"), p.line,
                    p.physical);
            case "98" -> new Bai2GroupTrailer(signed(p, 0, "controlTotal"), count(p, 1, "numberOfAccounts"),
                    count(p, 2, "numberOfRecords"), p.line, p.physical);
            default -> new Bai2FileTrailer(signed(p, 0, "controlTotal"), count(p, 1, "numberOfGroups"),
                    count(p, 2, "numberOfRecords"), p.line, p.physical);
        };
        ready.add(record);
    }

    private Bai2FileHeader fileHeader(Pending p) {
        Integer length = intOrNull(count(p, 5, "physicalRecordLength"));
        Integer block = intOrNull(count(p, 6, "blockSize"));
        return new Bai2FileHeader(field(p, 0), field(p, 1), date(p, 2, "creationDate"), field(p, 3), field(p, 4),
                length, block, field(p, 7), p.line, p.physical);
    }

    private Bai2GroupHeader groupHeader(Pending p) {
        String currency = blankToNull(field(p, 5));
        groupCurrency = currency;
        if (currency != null && CurrencyUnit.find(currency).isEmpty()) {
            report(Bai2Violation.BAI2_UNKNOWN_CURRENCY, p.line, "02", "currency", currency,
                    "not an active ISO 4217 currency");
        }
        return new Bai2GroupHeader(field(p, 0), field(p, 1), field(p, 2), date(p, 3, "asOfDate"), field(p, 4),
                currency, blankToNull(field(p, 6)), p.line, p.physical);
    }

    private Bai2AccountIdentifier account(Pending p) {
        String code = blankToNull(field(p, 1));
        String effective = code != null ? code : groupCurrency;
        CurrencyUnit currency;
        if (effective == null) {
            currency = defaultCurrency;
        } else {
            currency = CurrencyUnit.find(effective).orElse(null);
            if (currency == null && code != null) {
                report(Bai2Violation.BAI2_UNKNOWN_CURRENCY, p.line, "03", "currency", code,
                        "not an active ISO 4217 currency");
            }
        }
        List<Bai2Summary> summaries = new ArrayList<>();
        Cursor c = new Cursor(p.fields, 2);
        while (c.hasMore()) {
            String type = c.next();
            if (type.isEmpty()) {
                // banks put a spare empty field before the '/' of a 03 continued by an 88 (SVB):
                // a summary never starts with a blank type code, so blanks between summaries are skipped
                continue;
            }
            String amountRaw = c.next();
            String countRaw = c.next();
            String fundsType = c.next();
            if (!type.matches("\\d{3}")) {
                report(Bai2Violation.BAI2_BAD_TYPE_CODE, p.line, "03", "typeCode", type, "type code must be 3 digits");
            }
            Money amount = money(amountRaw, currency, true, p.line, "03");
            Integer count = intOrNull(number(countRaw, p.line, "03", "itemCount"));
            summaries.add(new Bai2Summary(type, amount, count, funds(fundsType, c, currency, p.line, "03")));
        }
        lastAccountCurrency = currency;
        return new Bai2AccountIdentifier(field(p, 0), code, currency, summaries, p.line, p.physical);
    }

    private Bai2TransactionDetail detail(Pending p) {
        // fixed fields up to the customer reference, then the text is the rest of the record
        String body = p.body16;
        CurrencyUnit currency = currentAccountCurrency();
        String type = null;
        Money amount = null;
        Bai2Funds funds = Bai2Funds.NONE;
        String bankRef = "";
        String customerRef = "";
        String text = "";
        TextCursor c = new TextCursor(body);
        type = c.next();
        if (!type.matches("\\d{3}")) {
            report(Bai2Violation.BAI2_BAD_TYPE_CODE, p.line, "16", "typeCode", type, "type code must be 3 digits");
        } else if (Bai2TypeCode.of(type) == Bai2TypeCode.STATUS) {
            report(Bai2Violation.BAI2_BAD_TYPE_CODE, p.line, "16", "typeCode", type,
                    "status codes 001-099 belong in 03 summaries, not in a 16 detail");
        }
        amount = money(c.next(), currency, false, p.line, "16");
        String fundsType = c.next();
        List<String> extras = new ArrayList<>();
        int needed = switch (fundsType) {
            case "S" -> 3;
            case "V" -> 2;
            default -> 0;
        };
        for (int i = 0; i < needed; i++) {
            extras.add(c.next());
        }
        if (fundsType.equals("D")) {
            String countRaw = c.next();
            extras.add(countRaw);
            Long n = number(countRaw, p.line, "16", "distributionCount");
            if (n != null && n <= 100) {
                for (int i = 0; i < n * 2; i++) {
                    extras.add(c.next());
                }
            }
        }
        funds = funds(fundsType, new Cursor(extras, 0), currency, p.line, "16");
        bankRef = c.next();
        customerRef = c.next();
        text = c.rest();
        return new Bai2TransactionDetail(type, amount, funds, bankRef, customerRef, text, p.continuations, p.line,
                p.physical);
    }

    /** Currency of the last 03: the one a 16 detail's amount is in. */
    private CurrencyUnit lastAccountCurrency;

    private CurrencyUnit currentAccountCurrency() {
        return lastAccountCurrency;
    }

    private Bai2Funds funds(String type, Cursor c, CurrencyUnit currency, long line, String recordType) {
        switch (type) {
            case "", "Z", "0", "1", "2" -> {
                return type.isEmpty() ? Bai2Funds.NONE : Bai2Funds.simple(type);
            }
            case "S" -> {
                return new Bai2Funds("S", money(c.next(), currency, true, line, recordType),
                        money(c.next(), currency, true, line, recordType), money(c.next(), currency, true, line, recordType),
                        null, null, List.of());
            }
            case "V" -> {
                LocalDate date = parseDate(c.next(), line, recordType, "valueDate");
                String time = c.next();
                return new Bai2Funds("V", null, null, null, date, time, List.of());
            }
            case "D" -> {
                Long n = number(c.next(), line, recordType, "distributionCount");
                List<Bai2Funds.Distribution> pairs = new ArrayList<>();
                if (n != null && n > 100) {
                    report(Bai2Violation.BAI2_BAD_FUNDS_TYPE, line, recordType, "distributionCount", String.valueOf(n),
                            "more than 100 distributed availability pairs");
                    n = 0L;
                }
                for (long i = 0; n != null && i < n; i++) {
                    Long days = number(c.next(), line, recordType, "days");
                    Money amount = money(c.next(), currency, true, line, recordType);
                    pairs.add(new Bai2Funds.Distribution(days == null ? 0 : (int) Math.min(days, Integer.MAX_VALUE),
                            amount));
                }
                return new Bai2Funds("D", null, null, null, null, null, pairs);
            }
            default -> {
                report(Bai2Violation.BAI2_BAD_FUNDS_TYPE, line, recordType, "fundsType", type,
                        "funds type must be 0, 1, 2, S, V, D, Z or blank");
                return Bai2Funds.simple(type);
            }
        }
    }

    private Money money(String raw, CurrencyUnit currency, boolean signed, long line, String recordType) {
        if (raw.isEmpty()) {
            return null;
        }
        if (!(signed ? SIGNED : UNSIGNED).matcher(raw).matches()) {
            report(Bai2Violation.BAI2_BAD_AMOUNT, line, recordType, "amount", raw,
                    signed ? "amount must be an optionally signed integer (implied decimals)"
                            : "detail amount must be an unsigned integer (implied decimals)");
            return null;
        }
        if (currency == null) {
            return null;
        }
        try {
            return Money.ofMinor(Long.parseLong(raw.startsWith("+") ? raw.substring(1) : raw), currency);
        } catch (NumberFormatException e) {
            report(Bai2Violation.BAI2_BAD_AMOUNT, line, recordType, "amount", raw, "amount does not fit 64 bits");
            return null;
        }
    }

    private Long signed(Pending p, int index, String field) {
        String raw = field(p, index);
        if (raw.isEmpty()) {
            return null;
        }
        if (!SIGNED.matcher(raw).matches()) {
            report(Bai2Violation.BAI2_BAD_AMOUNT, p.line, p.code, field, raw, "control total must be a signed integer");
            return null;
        }
        try {
            return Long.parseLong(raw.startsWith("+") ? raw.substring(1) : raw);
        } catch (NumberFormatException e) {
            report(Bai2Violation.BAI2_BAD_AMOUNT, p.line, p.code, field, raw, "control total does not fit 64 bits");
            return null;
        }
    }

    private Long count(Pending p, int index, String field) {
        return number(field(p, index), p.line, p.code, field);
    }

    private Long number(String raw, long line, String recordType, String field) {
        if (raw.isEmpty()) {
            return null;
        }
        if (!UNSIGNED.matcher(raw).matches()) {
            report(Bai2Violation.BAI2_BAD_NUMBER, line, recordType, field, raw, "must be an unsigned integer");
            return null;
        }
        return Long.parseLong(raw);
    }

    private static Integer intOrNull(Long value) {
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private LocalDate date(Pending p, int index, String field) {
        return parseDate(field(p, index), p.line, p.code, field);
    }

    private LocalDate parseDate(String raw, long line, String recordType, String field) {
        if (raw.isEmpty()) {
            return null;
        }
        if (!raw.matches("\\d{6}")) {
            report(Bai2Violation.BAI2_INVALID_DATE, line, recordType, field, raw, "date must be YYMMDD");
            return null;
        }
        int yy = Integer.parseInt(raw.substring(0, 2));
        try {
            return LocalDate.of(yy >= 80 ? 1900 + yy : 2000 + yy, Integer.parseInt(raw.substring(2, 4)),
                    Integer.parseInt(raw.substring(4, 6)));
        } catch (DateTimeException e) {
            report(Bai2Violation.BAI2_INVALID_DATE, line, recordType, field, raw, "not a calendar date");
            return null;
        }
    }

    private static String field(Pending p, int index) {
        return index < p.fields.size() ? p.fields.get(index) : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    private void report(Bai2Violation code, long line, String recordType, String field, String rawValue,
            String message) {
        if (violations.size() >= MAX_VIOLATIONS) {
            droppedViolations++;
            return;
        }
        violations.add(new Violation(code, fileName, line, null, recordType, field, rawValue, message));
    }

    /** A record being assembled until the next non-88 record arrives. */
    private static final class Pending {
        final String code;
        final long line;
        final List<String> fields = new ArrayList<>();
        final List<String> continuations = new ArrayList<>();
        String body16;
        boolean textOpen;
        int physical = 1;

        Pending(String code, long line) {
            this.code = code;
            this.line = line;
        }

        void appendText(String more) {
            if (continuations.isEmpty()) {
                body16 = body16 + more;
            } else {
                int last = continuations.size() - 1;
                continuations.set(last, continuations.get(last) + more);
            }
        }

        boolean endsWithTerminator() {
            String s = continuations.isEmpty() ? body16 : continuations.get(continuations.size() - 1);
            String t = s.stripTrailing();
            if (t.endsWith("/")) {
                // the wrapped line ended with the record terminator: drop it
                String cut = t.substring(0, t.length() - 1);
                if (continuations.isEmpty()) {
                    body16 = cut;
                } else {
                    continuations.set(continuations.size() - 1, cut);
                }
                return true;
            }
            return false;
        }
    }

    /** Fields of a list, "" past the end. */
    private static final class Cursor {
        private final List<String> fields;
        private int i;

        Cursor(List<String> fields, int start) {
            this.fields = fields;
            this.i = start;
        }

        boolean hasMore() {
            return i < fields.size();
        }

        String next() {
            return i < fields.size() ? fields.get(i++) : "";
        }
    }

    /** Comma fields of a 16 body; {@link #rest()} returns the remaining text, commas included. */
    private static final class TextCursor {
        private final String body;
        private int pos;

        TextCursor(String body) {
            this.body = body;
        }

        String next() {
            if (pos > body.length()) {
                return "";
            }
            int comma = body.indexOf(',', pos);
            int end = comma < 0 ? body.length() : comma;
            String value = body.substring(pos, end).strip();
            pos = end + 1;
            return value;
        }

        String rest() {
            return pos > body.length() ? "" : body.substring(pos);
        }
    }
}
