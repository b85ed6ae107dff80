package dev.settle.formats.generic;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.money.CurrencyUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How to read one kind of CSV export, loaded from a Java {@code .properties} file (no YAML
 * dependency). Keys (unknown keys are refused, so a typo is an error, not a silently unmapped column):
 * <pre>
 * kind                     gateway | bank                                   (required)
 * delimiter                one character, or "tab"                          (default ,)
 * quote                    one character, or "none"                         (default ")
 * header                   true | false                                     (default true)
 * encoding                 a charset name, e.g. UTF-8, ISO-8859-1, windows-1252 (default UTF-8)
 * column.&lt;field&gt;           a header name, or a 1-based column index (digits only)
 *                          fields: reference amount debit credit indicator currency date
 *                                  valueDate type description counterparty batch
 * date.format              a DateTimeFormatter pattern, e.g. dd.MM.yyyy      (required)
 * valueDate.format         pattern for valueDate                            (default date.format)
 * amount.sign              signed | debitCredit | indicator                 (default signed)
 *                          signed:      column.amount holds a signed amount
 *                          debitCredit: column.debit / column.credit, one filled per row (amount = credit − debit)
 *                          indicator:   column.amount (unsigned) + column.indicator
 * amount.decimalSeparator  . or ,                                           (default .)
 * amount.thousandsSeparator none, or one of , . ' space                     (default none)
 * indicator.debit          comma-separated debit values, e.g. D,DR            (default D)
 * indicator.credit         comma-separated credit values, e.g. C,CR           (default C)
 * currency.fixed           ISO code used when there is no currency column, or the cell is empty
 * </pre>
 * A mapping needs a currency column or {@code currency.fixed}. Dates are read with a STRICT
 * resolver (30 February is an error, not 29 February); a pattern's year letter {@code y} is read as
 * {@code u} so that strict resolving works without an era.
 */
public final class GenericMapping {

    /** What the rows are: a payment gateway's report or a bank statement. */
    public enum Kind { GATEWAY, BANK }

    /** How the sign of an amount is found. */
    public enum SignConvention { SIGNED, DEBIT_CREDIT, INDICATOR }

    /** Mappable fields, named as in the {@code column.*} keys. */
    public enum Field {
        REFERENCE("reference"), AMOUNT("amount"), DEBIT("debit"), CREDIT("credit"), INDICATOR("indicator"),
        CURRENCY("currency"), DATE("date"), VALUE_DATE("valueDate"), TYPE("type"), DESCRIPTION("description"),
        COUNTERPARTY("counterparty"), BATCH("batch");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A column reference: by header name, or by 0-based position when {@code name} is null. */
    public record ColumnRef(String name, int index) {
        /** How violations name the column: the header name, or "#n" (1-based). */
        public String label() {
            return name != null ? name : "#" + (index + 1);
        }
    }

    private static final Set<String> SIMPLE_KEYS = Set.of("kind", "delimiter", "quote", "header", "encoding",
            "date.format", "valueDate.format", "amount.sign", "amount.decimalSeparator", "amount.thousandsSeparator",
            "indicator.debit", "indicator.credit", "currency.fixed");

    private final String name;
    private final Kind kind;
    private final char delimiter;
    private final Character quote;
    private final boolean header;
    private final Charset encoding;
    private final Map<Field, ColumnRef> columns;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter valueDateFormat;
    private final SignConvention sign;
    private final char decimalSeparator;
    private final Character thousandsSeparator;
    private final Set<String> debitIndicators;
    private final Set<String> creditIndicators;
    private final CurrencyUnit fixedCurrency;

    private GenericMapping(String name, Properties p) {
        this.name = name;
        for (String key : p.stringPropertyNames()) {
            if (!SIMPLE_KEYS.contains(key) && !isColumnKey(key)) {
                throw bad(key, p.getProperty(key), "unknown key");
            }
        }
        this.kind = switch (value(p, "kind", null).toLowerCase(Locale.ROOT)) {
            case "gateway" -> Kind.GATEWAY;
            case "bank" -> Kind.BANK;
            default -> throw bad("kind", p.getProperty("kind"), "must be gateway or bank");
        };
        String d = value(p, "delimiter", ",");
        this.delimiter = d.equalsIgnoreCase("tab") || d.equals("\t") ? '\t' : oneChar("delimiter", d);
        String q = value(p, "quote", "\"");
        this.quote = q.equalsIgnoreCase("none") ? null : oneChar("quote", q);
        if (quote != null && quote == delimiter) {
            throw bad("quote", q, "must differ from the delimiter");
        }
        String h = value(p, "header", "true").toLowerCase(Locale.ROOT);
        if (!h.equals("true") && !h.equals("false")) {
            throw bad("header", h, "must be true or false");
        }
        this.header = h.equals("true");
        String enc = value(p, "encoding", "UTF-8");
        try {
            this.encoding = Charset.forName(enc);
        } catch (RuntimeException e) {
            throw bad("encoding", enc, "not a charset this JVM knows");
        }
        this.columns = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            String key = "column." + f.key();
            String v = p.getProperty(key);
            if (v != null) {
                v = v.strip();
                if (v.isEmpty()) {
                    throw bad(key, v, "is empty");
                }
                if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    int index;
                    try {
                        index = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        index = 0;
                    }
                    if (index < 1) {
                        throw bad(key, v, "column indexes are 1-based");
                    }
                    columns.put(f, new ColumnRef(null, index - 1));
                } else if (!header) {
                    throw bad(key, v, "names a header column but header=false; use a 1-based index");
                } else {
                    columns.put(f, new ColumnRef(v, -1));
                }
            }
        }
        this.sign = switch (value(p, "amount.sign", "signed")) {
            case "signed" -> SignConvention.SIGNED;
            case "debitCredit" -> SignConvention.DEBIT_CREDIT;
            case "indicator" -> SignConvention.INDICATOR;
            default -> throw bad("amount.sign", p.getProperty("amount.sign"), "must be signed, debitCredit or indicator");
        };
        switch (sign) {
            case SIGNED -> require(Field.AMOUNT, "amount.sign=signed");
            case DEBIT_CREDIT -> {
                require(Field.DEBIT, "amount.sign=debitCredit");
                require(Field.CREDIT, "amount.sign=debitCredit");
            }
            case INDICATOR -> {
                require(Field.AMOUNT, "amount.sign=indicator");
                require(Field.INDICATOR, "amount.sign=indicator");
            }
        }
        require(Field.DATE, "every mapping");
        String dec = value(p, "amount.decimalSeparator", ".");
        if (!dec.equals(".") && !dec.equals(",")) {
            throw bad("amount.decimalSeparator", dec, "must be . or ,");
        }
        this.decimalSeparator = dec.charAt(0);
        String th = p.getProperty("amount.thousandsSeparator", "none");
        this.thousandsSeparator = switch (th) {
            case "none", "" -> null;
            case "space", " " -> ' ';
            case ",", ".", "'" -> th.charAt(0);
            default -> throw bad("amount.thousandsSeparator", th, "must be none, space, ',', '.' or \"'\"");
        };
        if (thousandsSeparator != null && thousandsSeparator == decimalSeparator) {
            throw bad("amount.thousandsSeparator", th, "must differ from amount.decimalSeparator");
        }
        this.debitIndicators = list(value(p, "indicator.debit", "D"));
        this.creditIndicators = list(value(p, "indicator.credit", "C"));
        for (String dv : debitIndicators) {
            if (creditIndicators.contains(dv)) {
                throw bad("indicator.credit", p.getProperty("indicator.credit"), "'" + dv + "' is also a debit value");
            }
        }
        String fixed = p.getProperty("currency.fixed");
        if (fixed != null) {
            this.fixedCurrency = CurrencyUnit.find(fixed.strip()).orElseThrow(
                    () -> bad("currency.fixed", fixed, "not an ISO 4217 currency code"));
        } else {
            this.fixedCurrency = null;
            if (!columns.containsKey(Field.CURRENCY)) {
                throw bad("column.currency", null, "a mapping needs column.currency or currency.fixed");
            }
        }
        this.dateFormat = pattern("date.format", value(p, "date.format", null));
        String vd = p.getProperty("valueDate.format");
        this.valueDateFormat = vd == null ? dateFormat : pattern("valueDate.format", vd);
    }

    /** Reads a mapping from .properties text (ISO-8859-1 with \\u escapes, per {@link Properties#load(InputStream)}). */
    public static GenericMapping load(InputStream in, String mappingName) {
        Properties p = new Properties();
        try {
            // Header names may carry non-ASCII letters: read the file as UTF-8 rather than Latin-1.
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new FormatException(new Violation(GenericViolation.GENERIC_BAD_MAPPING, mappingName, 0, null, "mapping",
                    null, null, "cannot read the mapping: " + e.getMessage()), e);
        }
        return of(p, mappingName);
    }

    /** @throws FormatException {@code GENERIC_BAD_MAPPING} naming the offending key */
    public static GenericMapping of(Properties p, String mappingName) {
        return new GenericMapping(mappingName, p);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The quote character, or null for none. */
    public Character quote() {
        return quote;
    }

    public boolean header() {
        return header;
    }

    public Charset encoding() {
        return encoding;
    }

    public Map<Field, ColumnRef> columns() {
        return columns;
    }

    public DateTimeFormatter dateFormat() {
        return dateFormat;
    }

    public DateTimeFormatter valueDateFormat() {
        return valueDateFormat;
    }

    public SignConvention sign() {
        return sign;
    }

    public char decimalSeparator() {
        return decimalSeparator;
    }

    /** The thousands separator, or null for none. */
    public Character thousandsSeparator() {
        return thousandsSeparator;
    }

    public Set<String> debitIndicators() {
        return debitIndicators;
    }

    public Set<String> creditIndicators() {
        return creditIndicators;
    }

    /** The currency used when there is no currency column or its cell is empty; may be null. */
    public CurrencyUnit fixedCurrency() {
        return fixedCurrency;
    }

    private static boolean isColumnKey(String key) {
        if (!key.startsWith("column.")) {
            return false;
        }
        String f = key.substring("column.".length());
        for (Field field : Field.values()) {
            if (field.key().equals(f)) {
                return true;
            }
        }
        return false;
    }

    private String value(Properties p, String key, String fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            if (fallback == null) {
                throw bad(key, null, "is required");
            }
            return fallback;
        }
        // Keep a lone space or tab as written: they are meaningful delimiters.
        return v.isBlank() ? v : v.strip();
    }

    private char oneChar(String key, String v) {
        if (v.length() != 1) {
            throw bad(key, v, "must be exactly one character");
        }
        return v.charAt(0);
    }

    private void require(Field f, String because) {
        if (!columns.containsKey(f)) {
            throw bad("column." + f.key(), null, "is required by " + because);
        }
    }

    private static Set<String> list(String v) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : List.of(v.split(","))) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private DateTimeFormatter pattern(String key, String v) {
        try {
            StringBuilder b = new StringBuilder(v.length());
            boolean quoted = false;
            for (char c : v.toCharArray()) {
                if (c == '\'') {
                    quoted = !quoted;
                }
                b.append(!quoted && c == 'y' ? 'u' : c);
            }
            return DateTimeFormatter.ofPattern(b.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw bad(key, v, "not a DateTimeFormatter pattern: " + e.getMessage());
        }
    }

    private FormatException bad(String key, String value, String message) {
        return new FormatException(new Violation(GenericViolation.GENERIC_BAD_MAPPING, name, 0, null, "mapping", key, value,
                key + " " + message));
    }
}
