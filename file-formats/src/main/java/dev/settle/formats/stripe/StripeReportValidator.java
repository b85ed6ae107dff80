package dev.settle.formats.stripe;

import dev.settle.formats.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Row validation, separate from parsing: the row's parse violations plus
 * {@code STRIPE_EMPTY_ID} (no balance_transaction_id), {@code STRIPE_UNKNOWN_CATEGORY} and
 * {@code STRIPE_NET_MISMATCH} (gross − fee ≠ net, checked when all three were read).
 */
public final class StripeReportValidator {

    private final String fileName;

    public StripeReportValidator(String fileName) {
        this.fileName = fileName;
    }

    public List<Violation> validate(StripeRow row) {
        List<Violation> out = new ArrayList<>(row.parseViolations());
        if (row.balanceTransactionId().isBlank()) {
            out.add(new Violation(StripeViolation.STRIPE_EMPTY_ID, fileName, row.line(), null, StripeReportReader.RECORD_TYPE,
                    StripeColumn.BALANCE_TRANSACTION_ID.header(), row.balanceTransactionId(), "every row needs its balance transaction id"));
        }
        if (row.reportingCategory() == ReportingCategory.UNKNOWN) {
            out.add(new Violation(StripeViolation.STRIPE_UNKNOWN_CATEGORY, fileName, row.line(), null,
                    StripeReportReader.RECORD_TYPE, StripeColumn.REPORTING_CATEGORY.header(), row.categoryText(),
                    "not a known reporting category"));
        }
        if (row.gross() != null && row.fee() != null && row.net() != null) {
            long expected;
            try {
                expected = Math.subtractExact(row.gross().amountMinor(), row.fee().amountMinor());
            } catch (ArithmeticException e) {
                expected = Long.MIN_VALUE; // cannot equal a readable net: reported as a mismatch
            }
            if (expected != row.net().amountMinor()) {
                out.add(new Violation(StripeViolation.STRIPE_NET_MISMATCH, fileName, row.line(), null,
                        row.categoryText(), StripeColumn.NET.header(), row.net().toDecimalString(),
                        "gross " + row.gross().toDecimalString() + " − fee " + row.fee().toDecimalString() + " ≠ net"));
            }
        }
        return out;
    }
}
