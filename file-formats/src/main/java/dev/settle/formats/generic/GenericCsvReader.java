package dev.settle.formats.generic;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.generic.GenericMapping.ColumnRef;
import dev.settle.formats.generic.GenericMapping.Field;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a CSV file described by a {@link GenericMapping}, as {@link GenericRecord}s.
 * Cells that do not fit the mapping become row violations naming file, line, column and raw value;
 * a header that lacks a mapped column is a {@link FormatException} ({@code GENERIC_MISSING_COLUMN})
 * from the constructor; broken CSV structure stops reading ({@code GENERIC_MALFORMED_CSV}).
 * One row in memory at a time. Not thread-safe.
 */
public final class GenericCsvReader extends CsvItems<GenericRecord> {

    private final GenericMapping mapping;
    private final String fileName;
    private final String recordType;
    private final Map<Field, Integer> positions = new EnumMap<>(Field.class);
    private final Map<String, Optional<CurrencyUnit>> currencies = new HashMap<>();
    private final StringBuilder scratch = new StringBuilder(32);
    private int headerSize = -1;

    /** Opens the stream in the mapping's encoding (malformed bytes become U+FFFD) and reads the header if any. */
    public GenericCsvReader(InputStream in, GenericMapping mapping, String fileName) {
        super(new CsvRowSource(new InputStreamReader(in, mapping.encoding()),
                CsvRowSource.format(mapping.delimiter(), mapping.quote()), fileName, GenericViolation.GENERIC_MALFORMED_CSV));
        this.mapping = mapping;
        this.fileName = fileName;
        this.recordType = mapping.kind() == GenericMapping.Kind.BANK ? "bank entry" : "gateway record";
        CsvHeader header = null;
        if (mapping.header()) {
            CSVRecord first = rows.next();
            if (first == null) {
                throw new FormatException(new Violation(GenericViolation.GENERIC_EMPTY_FILE, fileName, 1, null, "header",
                        null, null, "the mapping " + mapping.name() + " expects a header row; the file is empty"));
            }
            header = CsvHeader.of(first);
            headerSize = header.size();
        }
        for (Map.Entry<Field, ColumnRef> e : mapping.columns().entrySet()) {
            ColumnRef ref = e.getValue();
            int i = ref.name() == null ? ref.index() : header.indexOf(ref.name());
            if (i < 0) {
                throw new FormatException(new Violation(GenericViolation.GENERIC_MISSING_COLUMN, fileName, rows.line(), null,
                        "header", ref.name(), null, "column." + e.getKey().key() + " names '" + ref.name()
                                + "', which is not in the header (mapping " + mapping.name() + ")"));
            }
            positions.put(e.getKey(), i);
        }
    }

    public GenericMapping mapping() {
        return mapping;
    }

    @Override
    protected GenericRecord toItem(CSVRecord record, long line) {
        Cells c = new Cells(record, line);
        CurrencyUnit currency = c.currency();
        Money amount = switch (mapping.sign()) {
            case SIGNED -> c.amount(Field.AMOUNT, currency, true);
            case DEBIT_CREDIT -> c.debitCredit(currency);
            case INDICATOR -> c.indicated(currency);
        };
        LocalDate date = c.date(Field.DATE, mapping.dateFormat(), true);
        LocalDate valueDate = c.date(Field.VALUE_DATE, mapping.valueDateFormat(), false);
        return new GenericRecord(line, mapping.kind(), c.get(Field.REFERENCE), amount, date, valueDate, c.get(Field.TYPE),
                c.get(Field.DESCRIPTION), c.get(Field.COUNTERPARTY), c.get(Field.BATCH),
                c.violations == null ? List.of() : c.violations);
    }

    private final class Cells {
        private final CSVRecord record;
        private final long line;
        private List<Violation> violations;
        private boolean shortReported;

        Cells(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        String get(Field f) {
            Integer i = positions.get(f);
            if (i == null) {
                return "";
            }
            if (i >= record.size()) {
                if (!shortReported) {
                    shortReported = true;
                    violation(GenericViolation.GENERIC_SHORT_ROW, null, String.valueOf(record.size()),
                            "row has " + record.size() + " cells" + (headerSize >= 0 ? ", the header has " + headerSize : "")
                                    + "; missing cells are read as empty");
                }
                return "";
            }
            return record.get(i).strip();
        }

        void violation(GenericViolation code, Field f, String raw, String message) {
            if (violations == null) {
                violations = new ArrayList<>(2);
            }
            String column = f == null ? null : mapping.columns().get(f).label();
            violations.add(new Violation(code, fileName, line, null, recordType, column, raw,
                    f == null ? message : f.key() + ": " + message));
        }

        CurrencyUnit currency() {
            String raw = get(Field.CURRENCY);
            if (raw.isEmpty()) {
                if (mapping.fixedCurrency() == null) {
                    violation(GenericViolation.GENERIC_UNKNOWN_CURRENCY, Field.CURRENCY, raw, "currency is empty");
                }
                return mapping.fixedCurrency();
            }
            CurrencyUnit unit = currencies.computeIfAbsent(raw, CurrencyUnit::find).orElse(null);
            if (unit == null) {
                violation(GenericViolation.GENERIC_UNKNOWN_CURRENCY, Field.CURRENCY, raw, "not an ISO 4217 currency code");
            }
            return unit;
        }

        Money debitCredit(CurrencyUnit currency) {
            String debit = get(Field.DEBIT);
            String credit = get(Field.CREDIT);
            if (!debit.isEmpty() && !credit.isEmpty()) {
                violation(GenericViolation.GENERIC_DEBIT_AND_CREDIT, Field.CREDIT, debit + " / " + credit,
                        "the debit and the credit column are both filled");
                return null;
            }
            if (debit.isEmpty() && credit.isEmpty()) {
                violation(GenericViolation.GENERIC_MISSING_VALUE, Field.CREDIT, "", "neither debit nor credit is filled");
                return null;
            }
            if (!credit.isEmpty()) {
                return amount(Field.CREDIT, currency, true);
            }
            Money d = amount(Field.DEBIT, currency, true);
            return d == null ? null : d.negate();
        }

        Money indicated(CurrencyUnit currency) {
            String raw = get(Field.INDICATOR);
            boolean debit = mapping.debitIndicators().contains(raw);
            if (!debit && !mapping.creditIndicators().contains(raw)) {
                violation(GenericViolation.GENERIC_BAD_INDICATOR, Field.INDICATOR, raw,
                        "expected one of " + mapping.debitIndicators() + " (debit) or " + mapping.creditIndicators() + " (credit)");
                amount(Field.AMOUNT, currency, true); // still report a bad amount on the same row
                return null;
            }
            Money m = amount(Field.AMOUNT, currency, true);
            return m == null || !debit ? m : m.negate();
        }

        Money amount(Field f, CurrencyUnit currency, boolean required) {
            String raw = get(f);
            if (raw.isEmpty()) {
                if (required) {
                    violation(GenericViolation.GENERIC_MISSING_VALUE, f, raw, "amount is empty");
                }
                return null;
            }
            BigDecimal value = decimal(raw);
            if (value == null) {
                violation(GenericViolation.GENERIC_BAD_AMOUNT, f, raw, "does not match the amount format (decimal '"
                        + mapping.decimalSeparator() + "', thousands " + (mapping.thousandsSeparator() == null ? "none"
                        : "'" + mapping.thousandsSeparator() + "'") + ")");
                return null;
            }
            if (currency == null) {
                return null;
            }
            try {
                return Money.of(value, currency);
            } catch (MoneyException e) {
                if (e.code() == MoneyException.Code.SCALE_EXCEEDS_CURRENCY) {
                    violation(GenericViolation.GENERIC_SCALE_TOO_FINE, f, raw,
                            "more decimals than " + currency.code() + " allows (" + currency.exponent() + ")");
                } else {
                    violation(GenericViolation.GENERIC_BAD_AMOUNT, f, raw, e.getMessage());
                }
                return null;
            }
        }

        /**
         * The amount text normalised to a plain decimal: a leading '+'/'-' or a trailing '-' sign,
         * thousands separators dropped (only between digits), the decimal separator made '.'.
         */
        private BigDecimal decimal(String raw) {
            StringBuilder b = scratch;
            b.setLength(0);
            String s = raw;
            boolean negative = false;
            if (s.endsWith("-") && s.length() > 1) {
                negative = true;
                s = s.substring(0, s.length() - 1).strip();
            }
            Character thousands = mapping.thousandsSeparator();
            char dec = mapping.decimalSeparator();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (thousands != null && ch == thousands && i > 0 && i + 1 < s.length()
                        && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1))) {
                    continue;
                }
                if (ch == dec) {
                    b.append('.');
                } else if (ch == '.') {
                    return null; // a '.' that is neither the decimal nor the thousands separator
                } else {
                    b.append(ch);
                }
            }
            String plain = b.toString();
            if (negative) {
                if (plain.startsWith("-") || plain.startsWith("+")) {
                    return null;
                }
                plain = "-" + plain;
            }
            return DecimalText.parse(plain);
        }

        LocalDate date(Field f, DateTimeFormatter format, boolean required) {
            if (!positions.containsKey(f)) {
                return null;
            }
            String raw = get(f);
            if (raw.isEmpty()) {
                if (required) {
                    violation(GenericViolation.GENERIC_MISSING_VALUE, f, raw, "date is empty");
                }
                return null;
            }
            try {
                return LocalDate.parse(raw, format);
            } catch (DateTimeParseException e) {
                violation(GenericViolation.GENERIC_BAD_DATE, f, raw, "does not match the date format or is not a real date");
                return null;
            }
        }
    }
}
