package dev.settle.formats.stripe;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.formats.generic.DateTimeText;
import dev.settle.money.Money;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an itemized payout reconciliation / balance report (also the emulator's output) row by
 * row in the {@link #COLUMNS} order: lower-case currency, amounts in major units with the
 * currency's scale, "yyyy-MM-dd HH:mm:ss" timestamps, LF line ends, minimal quoting. Each row is
 * checked before it is written (gross − fee = net, one currency, field lengths).
 */
public final class StripeReportWriter implements Closeable {

    /** The column order written, a subset of Stripe's itemized report columns. */
    public static final List<StripeColumn> COLUMNS = List.of(StripeColumn.BALANCE_TRANSACTION_ID,
            StripeColumn.CREATED_UTC, StripeColumn.CREATED, StripeColumn.AVAILABLE_ON_UTC, StripeColumn.CURRENCY,
            StripeColumn.GROSS, StripeColumn.FEE, StripeColumn.NET, StripeColumn.REPORTING_CATEGORY,
            StripeColumn.SOURCE_ID, StripeColumn.DESCRIPTION, StripeColumn.CUSTOMER_FACING_AMOUNT,
            StripeColumn.CUSTOMER_FACING_CURRENCY, StripeColumn.AUTOMATIC_PAYOUT_ID,
            StripeColumn.AUTOMATIC_PAYOUT_EFFECTIVE_AT_UTC, StripeColumn.CHARGE_ID, StripeColumn.PAYMENT_INTENT_ID);

    /** Stripe object ids ("txn_…", "ch_…", "pi_…", "po_…") are at most 255 characters. */
    public static final int MAX_ID_LENGTH = 255;
    /** Descriptions are cut by Stripe well below this; anything longer is not from Stripe. */
    public static final int MAX_DESCRIPTION_LENGTH = 1000;

    private final CSVPrinter printer;
    private final String targetName;
    private final String[] cells = new String[COLUMNS.size()];
    private long line = 1;

    public StripeReportWriter(Writer out, String targetName) {
        this.targetName = targetName;
        try {
            printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
            printer.printRecord(COLUMNS.stream().map(StripeColumn::header).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws FormatException {@code STRIPE_FIELD_TOO_LONG} or {@code STRIPE_INCONSISTENT_ROW}; nothing of the row is written then */
    public void write(StripeRow row) {
        long rowLine = line + 1;
        check(row, rowLine);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(COLUMNS.get(i), row);
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

    private static String cell(StripeColumn c, StripeRow row) {
        return switch (c) {
            case BALANCE_TRANSACTION_ID -> row.balanceTransactionId();
            case CREATED_UTC -> utc(row.createdUtc());
            case CREATED -> row.created() == null ? "" : DateTimeText.format(row.created());
            case AVAILABLE_ON_UTC -> utc(row.availableOnUtc());
            case CURRENCY -> row.currency().code().toLowerCase(Locale.ROOT);
            case GROSS -> row.gross().toDecimalString();
            case FEE -> row.fee().toDecimalString();
            case NET -> row.net().toDecimalString();
            case REPORTING_CATEGORY -> row.reportingCategory() == ReportingCategory.UNKNOWN ? row.categoryText()
                    : row.reportingCategory().text();
            case SOURCE_ID -> row.sourceId();
            case DESCRIPTION -> row.description();
            case CUSTOMER_FACING_AMOUNT -> row.customerFacingAmount() == null ? "" : row.customerFacingAmount().toDecimalString();
            case CUSTOMER_FACING_CURRENCY -> row.customerFacingAmount() == null ? ""
                    : row.customerFacingAmount().currency().code().toLowerCase(Locale.ROOT);
            case AUTOMATIC_PAYOUT_ID -> row.automaticPayoutId();
            case AUTOMATIC_PAYOUT_EFFECTIVE_AT_UTC -> utc(row.automaticPayoutEffectiveAtUtc());
            case CHARGE_ID -> row.chargeId();
            case PAYMENT_INTENT_ID -> row.paymentIntentId();
            case AUTOMATIC_PAYOUT_EFFECTIVE_AT -> "";
        };
    }

    private static String utc(Instant t) {
        return t == null ? "" : DateTimeText.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    private void check(StripeRow row, long rowLine) {
        if (row.balanceTransactionId() == null || row.balanceTransactionId().isEmpty()) {
            inconsistent(row, rowLine, StripeColumn.BALANCE_TRANSACTION_ID, "", "balance_transaction_id is required");
        }
        length(row, rowLine, StripeColumn.BALANCE_TRANSACTION_ID, row.balanceTransactionId(), MAX_ID_LENGTH);
        length(row, rowLine, StripeColumn.SOURCE_ID, row.sourceId(), MAX_ID_LENGTH);
        length(row, rowLine, StripeColumn.CHARGE_ID, row.chargeId(), MAX_ID_LENGTH);
        length(row, rowLine, StripeColumn.PAYMENT_INTENT_ID, row.paymentIntentId(), MAX_ID_LENGTH);
        length(row, rowLine, StripeColumn.AUTOMATIC_PAYOUT_ID, row.automaticPayoutId(), MAX_ID_LENGTH);
        length(row, rowLine, StripeColumn.DESCRIPTION, row.description(), MAX_DESCRIPTION_LENGTH);
        if (row.createdUtc() == null) {
            inconsistent(row, rowLine, StripeColumn.CREATED_UTC, null, "created_utc is required");
        }
        if (row.reportingCategory() == ReportingCategory.UNKNOWN && (row.categoryText() == null || row.categoryText().isBlank())) {
            inconsistent(row, rowLine, StripeColumn.REPORTING_CATEGORY, row.categoryText(), "an UNKNOWN category needs its text");
        }
        if (row.currency() == null || row.gross() == null || row.fee() == null || row.net() == null) {
            inconsistent(row, rowLine, StripeColumn.CURRENCY, null, "currency, gross, fee and net are required");
        }
        for (Money m : new Money[] {row.gross(), row.fee(), row.net()}) {
            if (m.currency() != row.currency()) {
                inconsistent(row, rowLine, StripeColumn.CURRENCY, m.toString(), "amounts must be in " + row.currency());
            }
        }
        // The control total of a row: exact, since all three are minor units of one currency.
        if (Math.subtractExact(row.gross().amountMinor(), row.fee().amountMinor()) != row.net().amountMinor()) {
            inconsistent(row, rowLine, StripeColumn.NET, row.net().toDecimalString(), "gross − fee must equal net");
        }
    }

    private void length(StripeRow row, long rowLine, StripeColumn column, String value, int max) {
        if (value == null) {
            inconsistent(row, rowLine, column, null, "must not be null (use an empty string)");
        }
        if (value.length() > max) {
            throw new FormatException(new Violation(StripeViolation.STRIPE_FIELD_TOO_LONG, targetName, rowLine, null,
                    StripeReportReader.RECORD_TYPE, column.header(), value, "longer than " + max + " characters"));
        }
    }

    private void inconsistent(StripeRow row, long rowLine, StripeColumn column, String raw, String message) {
        throw new FormatException(new Violation(StripeViolation.STRIPE_INCONSISTENT_ROW, targetName, rowLine, null,
                StripeReportReader.RECORD_TYPE, column.header(), raw, message));
    }
}
