package dev.settle.formats.stripe;

import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Emulates an itemized payout reconciliation report for demos and benchmarks: deterministic for a
 * seed, streamed through {@link StripeReportWriter}. USD charges (fee 2.9% + 0.30, rounded down on
 * the generator side), some refunds and disputes, all in one automatic payout per {@code rowsPerPayout}.
 * The caller's writer is closed at the end.
 */
public final class StripeReportEmulator {

    private static final Instant START = Instant.parse("2024-01-31T00:00:00Z");

    private StripeReportEmulator() {
    }

    public static long write(Writer out, long rows, int rowsPerPayout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CurrencyUnit usd = CurrencyUnit.USD;
        try (StripeReportWriter writer = new StripeReportWriter(out, "emulated-stripe.csv")) {
            for (long i = 1; i <= rows; i++) {
                long payout = (i - 1) / rowsPerPayout + 1;
                Instant created = START.plusSeconds(i * 11);
                Instant payoutAt = START.plusSeconds(payout * 86_400 + 2 * 86_400);
                int kind = random.nextInt(100);
                ReportingCategory category = kind < 92 ? ReportingCategory.CHARGE
                        : kind < 98 ? ReportingCategory.REFUND : ReportingCategory.DISPUTE;
                long amount = 50 + random.nextLong(200_000);
                long grossMinor = category == ReportingCategory.CHARGE ? amount : -amount;
                long feeMinor = category == ReportingCategory.CHARGE ? amount * 29 / 1000 + 30
                        : category == ReportingCategory.DISPUTE ? 1500 : 0;
                String id = Long.toString(i, 36);
                String source = (category == ReportingCategory.CHARGE ? "ch_" : category == ReportingCategory.REFUND ? "re_" : "dp_") + id;
                writer.write(new StripeRow(0, "txn_" + id, created,
                        LocalDateTime.ofInstant(created, ZoneOffset.ofHours(-8)), created.plusSeconds(2 * 86_400), usd,
                        Money.ofMinor(grossMinor, usd), Money.ofMinor(feeMinor, usd),
                        Money.ofMinor(grossMinor - feeMinor, usd), category, category.text(), source,
                        category == ReportingCategory.CHARGE ? "Order " + i : "", Money.ofMinor(grossMinor, usd),
                        "ch_" + id, "pi_" + id, "po_" + Long.toString(payout, 36), payoutAt, List.of()));
            }
        }
        return rows;
    }
}
