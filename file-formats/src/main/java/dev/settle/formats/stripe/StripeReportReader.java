package dev.settle.formats.stripe;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a Stripe balance report or itemized payout reconciliation report (CSV,
 * UTF-8, header first). Columns are found by header name ({@link StripeColumn}); other columns are
 * ignored; a missing required column is {@code STRIPE_MISSING_COLUMN} from the constructor.
 * Timestamps "_utc" are UTC; {@code created} is local to the report's time zone and kept local.
 * Bad cells are returned as row violations; only broken CSV stops reading. Not thread-safe.
 */
public final class StripeReportReader extends CsvItems<StripeRow> {

    static final String RECORD_TYPE = "balance transaction";

    private final String fileName;
    private final Map<StripeColumn, Integer> positions;
    private final Map<String, Optional<CurrencyUnit>> currencies = new HashMap<>();

    /** @throws FormatException {@code STRIPE_EMPTY_FILE}, {@code STRIPE_MISSING_COLUMN} or {@code STRIPE_MALFORMED_CSV} */
    public StripeReportReader(Reader reader, String fileName) {
        super(new CsvRowSource(reader, CsvRowSource.format(',', '"'), fileName, StripeViolation.STRIPE_MALFORMED_CSV));
        this.fileName = fileName;
        this.positions = readHeader(StripeColumn.class, fileName, StripeViolation.STRIPE_EMPTY_FILE, StripeViolation.STRIPE_MISSING_COLUMN);
    }

    public static StripeReportReader open(InputStream in, String fileName) {
        return new StripeReportReader(new InputStreamReader(in, StandardCharsets.UTF_8), fileName);
    }

    public List<String> headerNames() {
        return header().names();
    }

    @Override
    protected StripeRow toItem(CSVRecord record, long line) {
        Cells c = new Cells(record, line);
        String rawCurrency = c.get(StripeColumn.CURRENCY);
        CurrencyUnit currency = c.currency(StripeColumn.CURRENCY, rawCurrency);
        Money gross = c.amount(currency, StripeColumn.GROSS, true);
        Money fee = c.amount(currency, StripeColumn.FEE, true);
        Money net = c.amount(currency, StripeColumn.NET, true);
        String rawFacingCurrency = c.get(StripeColumn.CUSTOMER_FACING_CURRENCY);
        CurrencyUnit facingCurrency = rawFacingCurrency.isEmpty() ? currency
                : c.currency(StripeColumn.CUSTOMER_FACING_CURRENCY, rawFacingCurrency);
        Money facing = c.amount(facingCurrency, StripeColumn.CUSTOMER_FACING_AMOUNT, false);
        String categoryText = c.get(StripeColumn.REPORTING_CATEGORY);
        Instant createdUtc = c.utc(StripeColumn.CREATED_UTC, true);
        LocalDateTime created = c.local(StripeColumn.CREATED);
        Instant availableOn = c.utc(StripeColumn.AVAILABLE_ON_UTC, false);
        Instant payoutAt = c.utc(StripeColumn.AUTOMATIC_PAYOUT_EFFECTIVE_AT_UTC, false);
        return new StripeRow(line, c.get(StripeColumn.BALANCE_TRANSACTION_ID), createdUtc, created, availableOn, currency,
                gross, fee, net, ReportingCategory.fromText(categoryText), categoryText, c.get(StripeColumn.SOURCE_ID),
                c.get(StripeColumn.DESCRIPTION), facing, c.get(StripeColumn.CHARGE_ID),
                c.get(StripeColumn.PAYMENT_INTENT_ID), c.get(StripeColumn.AUTOMATIC_PAYOUT_ID), payoutAt,
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

        String get(StripeColumn column) {
            int i = positions.get(column);
            if (i < 0) {
                return "";
            }
            if (i >= record.size()) {
                if (!shortReported) {
                    shortReported = true;
                    violation(StripeViolation.STRIPE_SHORT_ROW, null, String.valueOf(record.size()),
                            "row has " + record.size() + " cells, the header has " + header().size());
                }
                return "";
            }
            return record.get(i);
        }

        void violation(StripeViolation code, StripeColumn column, String raw, String message) {
            if (violations == null) {
                violations = new ArrayList<>(2);
            }
            violations.add(new Violation(code, fileName, line, null, RECORD_TYPE, column == null ? null : column.header(),
                    raw, message));
        }

        CurrencyUnit currency(StripeColumn column, String raw) {
            CurrencyUnit unit = currencies.computeIfAbsent(raw,
                    r -> CurrencyUnit.find(r.toUpperCase(Locale.ROOT))).orElse(null);
            if (unit == null) {
                violation(StripeViolation.STRIPE_UNKNOWN_CURRENCY, column, raw, "not an ISO 4217 currency code");
            }
            return unit;
        }

        Money amount(CurrencyUnit currency, StripeColumn column, boolean required) {
            String raw = get(column);
            if (raw.isEmpty()) {
                if (required) {
                    violation(StripeViolation.STRIPE_BAD_AMOUNT, column, raw, "amount is required");
                }
                return null;
            }
            BigDecimal value = DecimalText.parse(raw);
            if (value == null) {
                violation(StripeViolation.STRIPE_BAD_AMOUNT, column, raw, "amount is not a plain decimal in major units");
                return null;
            }
            if (currency == null) {
                return null;
            }
            try {
                return Money.of(value, currency);
            } catch (MoneyException e) {
                if (e.code() == MoneyException.Code.SCALE_EXCEEDS_CURRENCY) {
                    violation(StripeViolation.STRIPE_SCALE_TOO_FINE, column, raw,
                            "more decimals than " + currency.code() + " allows (" + currency.exponent() + ")");
                } else {
                    violation(StripeViolation.STRIPE_BAD_AMOUNT, column, raw, e.getMessage());
                }
                return null;
            }
        }

        Instant utc(StripeColumn column, boolean required) {
            LocalDateTime t = local(column, required);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }

        LocalDateTime local(StripeColumn column) {
            return local(column, false);
        }

        private LocalDateTime local(StripeColumn column, boolean required) {
            String raw = get(column);
            if (raw.isEmpty() && !required) {
                return null;
            }
            LocalDateTime t = DateTimeText.parse(raw);
            if (t == null) {
                violation(StripeViolation.STRIPE_BAD_DATE, column, raw, "expected a real time as yyyy-MM-dd HH:mm:ss");
            }
            return t;
        }
    }
}
