package dev.settle.formats.adyen;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.generic.DateTimeText;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a Settlement Details Report (also the emulator's output), one row at a time, so a million
 * rows take constant memory. Each row is checked BEFORE anything of it is written; a bad row is a
 * {@link FormatException} naming the field, and the output then holds only the rows before it.
 *
 * <p>Cell conventions (so write → read → write is byte-identical): LF line ends, minimal quoting,
 * a signed amount goes to the credit cell when positive, the debit cell (as its absolute value) when
 * negative, and both stay empty when zero; fee cells always hold a decimal with the currency's
 * scale; dates are "yyyy-MM-dd HH:mm:ss" in the row's TimeZone.
 *
 * <p>Control totals: the writer keeps Σ net per batch and currency and refuses a MerchantPayout
 * row that does not bring its batch to zero ({@code ADYEN_PAYOUT_MISMATCH}).
 */
public final class AdyenSdrWriter implements Closeable {

    /** Adyen's PSP reference is 16 characters. */
    public static final int MAX_PSP_REFERENCE_LENGTH = 16;
    /** Merchant, modification and modification merchant references: Adyen accepts up to 80 characters. */
    public static final int MAX_REFERENCE_LENGTH = 80;
    /** Company and merchant account codes, payment method (variant). */
    public static final int MAX_NAME_LENGTH = 80;
    /** Batch numbers are positive and written without grouping. */
    public static final int MAX_BATCH_NUMBER = 999_999_999;

    private final CSVPrinter printer;
    private final SdrLayout layout;
    private final String targetName;
    private final SdrColumn[] columnAt;
    private final Map<Integer, Map<CurrencyUnit, Long>> openBatchNet = new HashMap<>();
    private final String[] cells;
    private long line = 1;

    /** Writes the header row of {@code layout}. */
    public AdyenSdrWriter(Writer out, SdrLayout layout, String targetName) {
        this.layout = layout;
        this.targetName = targetName;
        this.columnAt = new SdrColumn[layout.headers().size()];
        for (int i = 0; i < columnAt.length; i++) {
            for (SdrColumn c : SdrColumn.values()) {
                if (c.header().equals(layout.headers().get(i))) {
                    columnAt[i] = c;
                }
            }
        }
        this.cells = new String[columnAt.length];
        try {
            printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
            printer.printRecord(layout.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SdrLayout layout() {
        return layout;
    }

    /**
     * Checks then writes one row.
     *
     * @throws FormatException {@code ADYEN_FIELD_TOO_LONG}, {@code ADYEN_INCONSISTENT_LINE} or
     *     {@code ADYEN_PAYOUT_MISMATCH}; nothing of the row is written then
     */
    public void write(SdrLine row) {
        long rowLine = line + 1;
        check(row, rowLine);
        String typeText = row.type() == SdrRecordType.UNKNOWN ? row.typeText() : row.type().text();
        for (int i = 0; i < columnAt.length; i++) {
            cells[i] = columnAt[i] == null ? "" : cell(columnAt[i], row, typeText);
        }
        try {
            printer.printRecord((Object[]) cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line = rowLine;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String cell(SdrColumn c, SdrLine row, String typeText) {
        return switch (c) {
            case COMPANY_ACCOUNT -> row.companyAccount();
            case MERCHANT_ACCOUNT -> row.merchantAccount();
            case PSP_REFERENCE -> row.pspReference();
            case MERCHANT_REFERENCE -> row.merchantReference();
            case PAYMENT_METHOD -> row.paymentMethod();
            case CREATION_DATE -> local(row.creationDate(), row.timeZone());
            case TIME_ZONE -> row.timeZone();
            case BOOKING_DATE -> row.bookingDate() == null ? "" : local(row.bookingDate(), row.bookingDateTimeZone());
            case BOOKING_DATE_TIME_ZONE -> row.bookingDateTimeZone();
            case TYPE -> typeText;
            case MODIFICATION_REFERENCE -> row.modificationReference();
            case GROSS_CURRENCY -> row.grossCurrency() == null ? "" : row.grossCurrency().code();
            case GROSS_DEBIT -> debit(row.gross());
            case GROSS_CREDIT -> credit(row.gross());
            case EXCHANGE_RATE -> row.exchangeRate() == null ? "" : row.exchangeRate().toPlainString();
            case NET_CURRENCY -> row.netCurrency() == null ? "" : row.netCurrency().code();
            case NET_DEBIT -> debit(row.net());
            case NET_CREDIT -> credit(row.net());
            case COMMISSION -> fee(row.commission());
            case MARKUP -> fee(row.markup());
            case SCHEME_FEES -> fee(row.schemeFees());
            case INTERCHANGE -> fee(row.interchange());
            case PAYMENT_METHOD_VARIANT -> row.paymentMethodVariant();
            case MODIFICATION_MERCHANT_REFERENCE -> row.modificationMerchantReference();
            case BATCH_NUMBER -> Integer.toString(row.batchNumber());
        };
    }

    private static String local(Instant instant, String zoneText) {
        ZoneId zone = AdyenTimeZones.resolve(zoneText);
        return DateTimeText.format(LocalDateTime.ofInstant(instant, zone));
    }

    private static String debit(Money m) {
        return m == null || m.amountMinor() >= 0 ? "" : m.negate().toDecimalString();
    }

    private static String credit(Money m) {
        return m == null || m.amountMinor() <= 0 ? "" : m.toDecimalString();
    }

    private static String fee(Money m) {
        return m == null ? "" : m.toDecimalString();
    }

    private void check(SdrLine row, long rowLine) {
        length(row, rowLine, SdrColumn.PSP_REFERENCE, row.pspReference(), MAX_PSP_REFERENCE_LENGTH);
        length(row, rowLine, SdrColumn.MERCHANT_REFERENCE, row.merchantReference(), MAX_REFERENCE_LENGTH);
        length(row, rowLine, SdrColumn.MODIFICATION_REFERENCE, row.modificationReference(), MAX_REFERENCE_LENGTH);
        length(row, rowLine, SdrColumn.MODIFICATION_MERCHANT_REFERENCE, row.modificationMerchantReference(), MAX_REFERENCE_LENGTH);
        length(row, rowLine, SdrColumn.COMPANY_ACCOUNT, row.companyAccount(), MAX_NAME_LENGTH);
        length(row, rowLine, SdrColumn.MERCHANT_ACCOUNT, row.merchantAccount(), MAX_NAME_LENGTH);
        length(row, rowLine, SdrColumn.PAYMENT_METHOD, row.paymentMethod(), MAX_NAME_LENGTH);
        length(row, rowLine, SdrColumn.PAYMENT_METHOD_VARIANT, row.paymentMethodVariant(), MAX_NAME_LENGTH);
        if (row.type() == SdrRecordType.UNKNOWN && (row.typeText() == null || row.typeText().isBlank())) {
            inconsistent(row, rowLine, SdrColumn.TYPE, row.typeText(), "an UNKNOWN type needs its text");
        }
        if (row.creationDate() == null || AdyenTimeZones.resolve(row.timeZone()) == null) {
            inconsistent(row, rowLine, SdrColumn.CREATION_DATE, row.timeZone(), "creation date and a known time zone are required");
        }
        if (row.bookingDate() != null && AdyenTimeZones.resolve(row.bookingDateTimeZone()) == null) {
            inconsistent(row, rowLine, SdrColumn.BOOKING_DATE_TIME_ZONE, row.bookingDateTimeZone(), "booking date needs a known time zone");
        }
        if (row.batchNumber() <= 0 || row.batchNumber() > MAX_BATCH_NUMBER) {
            inconsistent(row, rowLine, SdrColumn.BATCH_NUMBER, Integer.toString(row.batchNumber()), "batch number must be 1.." + MAX_BATCH_NUMBER);
        }
        sameCurrency(row, rowLine, SdrColumn.GROSS_CREDIT, row.gross(), row.grossCurrency());
        sameCurrency(row, rowLine, SdrColumn.NET_CREDIT, row.net(), row.netCurrency());
        for (Money fee : new Money[] {row.commission(), row.markup(), row.schemeFees(), row.interchange()}) {
            if (fee != null && fee.currency() != row.netCurrency()) {
                inconsistent(row, rowLine, SdrColumn.COMMISSION, fee.toString(), "fees must be in the net currency " + row.netCurrency());
            }
        }
        if (row.net() != null) {
            Map<CurrencyUnit, Long> batch = openBatchNet.computeIfAbsent(row.batchNumber(), b -> new HashMap<>());
            long balance = Math.addExact(batch.getOrDefault(row.netCurrency(), 0L), row.net().amountMinor());
            if (row.type() == SdrRecordType.MERCHANT_PAYOUT) {
                if (balance != 0) {
                    throw new FormatException(new Violation(AdyenViolation.ADYEN_PAYOUT_MISMATCH, targetName, rowLine, null,
                            row.typeText(), "Net Debit (NC)", row.net().toDecimalString(), "batch " + row.batchNumber()
                                    + ": payout leaves " + Money.ofMinor(balance, row.netCurrency()) + " unpaid"));
                }
                batch.remove(row.netCurrency());
            } else {
                batch.put(row.netCurrency(), balance);
            }
        }
    }

    private void sameCurrency(SdrLine row, long rowLine, SdrColumn column, Money amount, CurrencyUnit currency) {
        if ((amount == null) != (currency == null) || (amount != null && amount.currency() != currency)) {
            inconsistent(row, rowLine, column, amount == null ? null : amount.toString(),
                    "amount and currency column must agree (currency " + currency + ")");
        }
    }

    private void length(SdrLine row, long rowLine, SdrColumn column, String value, int max) {
        if (value == null) {
            inconsistent(row, rowLine, column, null, "must not be null (use an empty string)");
        }
        if (value.length() > max) {
            throw new FormatException(new Violation(AdyenViolation.ADYEN_FIELD_TOO_LONG, targetName, rowLine, null,
                    row.typeText(), column.header(), value, "longer than " + max + " characters"));
        }
    }

    private void inconsistent(SdrLine row, long rowLine, SdrColumn column, String raw, String message) {
        throw new FormatException(new Violation(AdyenViolation.ADYEN_INCONSISTENT_LINE, targetName, rowLine, null,
                row.typeText(), column.header(), raw, message));
    }
}
