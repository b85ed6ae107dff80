package dev.settle.formats.adyen;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.generic.CsvItems;
import dev.settle.formats.generic.CsvRowSource;
import dev.settle.formats.generic.DateTimeText;
import dev.settle.formats.generic.DecimalText;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import dev.settle.money.MoneyException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of an Adyen Settlement Details Report (CSV, UTF-8, header row first).
 *
 * <p>Columns are found by header name ({@link SdrColumn}); unknown columns are ignored; a missing
 * required column is a {@link FormatException} ({@code ADYEN_MISSING_COLUMN}) naming it, thrown by
 * the constructor. Each row becomes an {@link SdrLine}; cells that cannot be typed are left null and
 * reported in {@link SdrLine#parseViolations()}, so reading never stops for a bad cell. Only a
 * broken CSV structure stops reading ({@code ADYEN_MALFORMED_CSV}).
 *
 * <p>Memory does not grow with the file: one row is held at a time. Not thread-safe.
 */
public final class AdyenSdrReader extends CsvItems<SdrLine> {

    static final String RECORD_TYPE = "SDR row";

    private final String fileName;
    private final Map<SdrColumn, Integer> positions;
    private final Map<String, Optional<ZoneId>> zones = new HashMap<>();
    private final Map<String, Optional<CurrencyUnit>> currencies = new HashMap<>();

    /**
     * Reads the header row.
     *
     * @throws FormatException {@code ADYEN_EMPTY_FILE}, {@code ADYEN_MISSING_COLUMN} or {@code ADYEN_MALFORMED_CSV}
     */
    public AdyenSdrReader(Reader reader, String fileName) {
        super(new CsvRowSource(reader, CsvRowSource.format(',', '"'), fileName, AdyenViolation.ADYEN_MALFORMED_CSV));
        this.fileName = fileName;
        this.positions = readHeader(SdrColumn.class, fileName, AdyenViolation.ADYEN_EMPTY_FILE, AdyenViolation.ADYEN_MISSING_COLUMN);
    }

    /** Opens a UTF-8 stream (a leading byte-order mark is skipped). */
    public static AdyenSdrReader open(InputStream in, String fileName) {
        return new AdyenSdrReader(new InputStreamReader(in, StandardCharsets.UTF_8), fileName);
    }

    /** The header names as found in the file, in file order. */
    public List<String> headerNames() {
        return header().names();
    }

    @Override
    protected SdrLine toItem(CSVRecord r, long line) {
        Cells cells = new Cells(r, line);
        String typeText = cells.get(SdrColumn.TYPE);
        String timeZone = cells.get(SdrColumn.TIME_ZONE);
        Instant creation = cells.instant(SdrColumn.CREATION_DATE, timeZone, SdrColumn.TIME_ZONE);
        String bookingZone = cells.get(SdrColumn.BOOKING_DATE_TIME_ZONE);
        Instant booking = cells.get(SdrColumn.BOOKING_DATE).isEmpty() ? null
                : cells.instant(SdrColumn.BOOKING_DATE, bookingZone, SdrColumn.BOOKING_DATE_TIME_ZONE);

        CurrencyUnit grossCurrency = cells.currencyFor(SdrColumn.GROSS_CURRENCY, SdrColumn.GROSS_DEBIT, SdrColumn.GROSS_CREDIT);
        Money gross = cells.signed(grossCurrency, SdrColumn.GROSS_DEBIT, SdrColumn.GROSS_CREDIT);
        CurrencyUnit netCurrency = cells.currencyFor(SdrColumn.NET_CURRENCY, SdrColumn.NET_DEBIT, SdrColumn.NET_CREDIT,
                SdrColumn.COMMISSION, SdrColumn.MARKUP, SdrColumn.SCHEME_FEES, SdrColumn.INTERCHANGE);
        Money net = cells.signed(netCurrency, SdrColumn.NET_DEBIT, SdrColumn.NET_CREDIT);

        BigDecimal rate = null;
        String rawRate = cells.get(SdrColumn.EXCHANGE_RATE);
        if (!rawRate.isEmpty()) {
            rate = DecimalText.parse(rawRate);
            if (rate == null) {
                cells.violation(AdyenViolation.ADYEN_BAD_EXCHANGE_RATE, SdrColumn.EXCHANGE_RATE, rawRate,
                        "exchange rate is not a plain decimal");
            }
        }
        int batch = 0;
        String rawBatch = cells.get(SdrColumn.BATCH_NUMBER);
        batch = parsePositiveInt(rawBatch);
        if (batch <= 0) {
            batch = 0;
            cells.violation(AdyenViolation.ADYEN_BAD_BATCH_NUMBER, SdrColumn.BATCH_NUMBER, rawBatch,
                    "batch number must be a positive integer");
        }
        return new SdrLine(line,
                cells.get(SdrColumn.COMPANY_ACCOUNT), cells.get(SdrColumn.MERCHANT_ACCOUNT),
                cells.get(SdrColumn.PSP_REFERENCE), cells.get(SdrColumn.MERCHANT_REFERENCE),
                cells.get(SdrColumn.PAYMENT_METHOD), cells.get(SdrColumn.PAYMENT_METHOD_VARIANT),
                creation, timeZone, SdrRecordType.fromText(typeText), typeText,
                cells.get(SdrColumn.MODIFICATION_REFERENCE), cells.get(SdrColumn.MODIFICATION_MERCHANT_REFERENCE),
                grossCurrency, gross, rate, netCurrency, net,
                cells.fee(netCurrency, SdrColumn.COMMISSION), cells.fee(netCurrency, SdrColumn.MARKUP),
                cells.fee(netCurrency, SdrColumn.SCHEME_FEES), cells.fee(netCurrency, SdrColumn.INTERCHANGE),
                batch, booking, bookingZone, cells.violations == null ? List.of() : cells.violations);
    }

    /** The value of a digits-only integer up to 9 digits, or -1. */
    private static int parsePositiveInt(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The cells of one row with the row's violations; created per row, discarded after. */
    private final class Cells {
        private final CSVRecord record;
        private final long line;
        private List<Violation> violations;
        private boolean shortReported;

        Cells(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        String get(SdrColumn c) {
            int i = positions.get(c);
            if (i < 0) {
                return "";
            }
            if (i >= record.size()) {
                if (!shortReported) {
                    shortReported = true;
                    violation(AdyenViolation.ADYEN_SHORT_ROW, null, String.valueOf(record.size()),
                            "row has " + record.size() + " cells, the header has " + header().size()
                                    + "; missing cells are read as empty");
                }
                return "";
            }
            return record.get(i);
        }

        void violation(AdyenViolation code, SdrColumn column, String raw, String message) {
            if (violations == null) {
                violations = new ArrayList<>(2);
            }
            violations.add(new Violation(code, fileName, line, null, RECORD_TYPE, column == null ? null : column.header(),
                    raw, message));
        }

        Instant instant(SdrColumn dateColumn, String zoneText, SdrColumn zoneColumn) {
            String raw = get(dateColumn);
            LocalDateTime local = DateTimeText.parse(raw);
            if (local == null) {
                violation(AdyenViolation.ADYEN_BAD_DATE, dateColumn, raw, "expected a real date as yyyy-MM-dd HH:mm:ss");
                return null;
            }
            ZoneId zone = zones.computeIfAbsent(zoneText, z -> Optional.ofNullable(AdyenTimeZones.resolve(z))).orElse(null);
            if (zone == null) {
                violation(AdyenViolation.ADYEN_UNKNOWN_TIME_ZONE, zoneColumn, zoneText,
                        "time zone is neither a known abbreviation, a region id nor an offset");
                return null;
            }
            return zone instanceof ZoneOffset offset ? local.toInstant(offset) : local.atZone(zone).toInstant();
        }

        /**
         * The currency of a currency column; null without a violation when the currency and all its
         * amount cells are empty (the row has no such side), null with a violation when it is not ISO 4217.
         */
        CurrencyUnit currencyFor(SdrColumn currencyColumn, SdrColumn... amountColumns) {
            String raw = get(currencyColumn);
            if (raw.isEmpty()) {
                for (SdrColumn a : amountColumns) {
                    if (!get(a).isEmpty()) {
                        violation(AdyenViolation.ADYEN_UNKNOWN_CURRENCY, currencyColumn, raw,
                                "currency is empty but " + a.header() + " has an amount");
                        return null;
                    }
                }
                return null;
            }
            CurrencyUnit unit = currencies.computeIfAbsent(raw, CurrencyUnit::find).orElse(null);
            if (unit == null) {
                violation(AdyenViolation.ADYEN_UNKNOWN_CURRENCY, currencyColumn, raw, "not an ISO 4217 currency code");
            }
            return unit;
        }

        /** credit − debit, each empty cell zero; null when the currency is unknown or a cell is bad. */
        Money signed(CurrencyUnit currency, SdrColumn debitColumn, SdrColumn creditColumn) {
            String debit = get(debitColumn);
            String credit = get(creditColumn);
            if (currency == null) {
                return null;
            }
            if (!debit.isEmpty() && !credit.isEmpty()) {
                violation(AdyenViolation.ADYEN_DEBIT_AND_CREDIT, creditColumn, debit + " / " + credit,
                        debitColumn.header() + " and " + creditColumn.header() + " are both filled");
                return null;
            }
            if (!credit.isEmpty()) {
                return amount(currency, creditColumn, credit);
            }
            Money d = debit.isEmpty() ? Money.zero(currency) : amount(currency, debitColumn, debit);
            return d == null ? null : d.negate();
        }

        /** A fee column as written (zero when empty); null when its currency is unknown or the cell is bad. */
        Money fee(CurrencyUnit currency, SdrColumn column) {
            String raw = get(column);
            if (currency == null) {
                return null;
            }
            return raw.isEmpty() ? Money.zero(currency) : amount(currency, column, raw);
        }

        private Money amount(CurrencyUnit currency, SdrColumn column, String raw) {
            BigDecimal value = DecimalText.parse(raw);
            if (value == null) {
                violation(AdyenViolation.ADYEN_BAD_AMOUNT, column, raw, "amount is not a plain decimal");
                return null;
            }
            try {
                return Money.of(value, currency);
            } catch (MoneyException e) {
                if (e.code() == MoneyException.Code.SCALE_EXCEEDS_CURRENCY) {
                    violation(AdyenViolation.ADYEN_SCALE_TOO_FINE, column, raw,
                            "more decimals than " + currency.code() + " allows (" + currency.exponent() + ")");
                } else {
                    violation(AdyenViolation.ADYEN_BAD_AMOUNT, column, raw, e.getMessage());
                }
                return null;
            }
        }
    }
}
