package dev.settle.formats.bai2;

import dev.settle.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * Funds availability of a summary or detail amount. {@code type}: "" (blank) or Z unknown,
 * 0 immediate, 1 one day, 2 two or more days — no extra fields; S: immediate, one-day and
 * two-or-more-day amounts; V: value date YYMMDD and time HHMM; D: count n then n pairs of
 * (days, amount).
 *
 * @param distribution D only, else empty
 */
public record Bai2Funds(String type, Money immediate, Money oneDay, Money twoOrMoreDays, LocalDate valueDate,
        String valueTime, List<Distribution> distribution) {

    public static final Bai2Funds NONE = new Bai2Funds("", null, null, null, null, null, List.of());

    public Bai2Funds {
        distribution = List.copyOf(distribution);
    }

    public static Bai2Funds simple(String type) {
        return new Bai2Funds(type, null, null, null, null, null, List.of());
    }

    /** One D pair: this amount becomes available after {@code days} days. */
    public record Distribution(int days, Money amount) {
    }
}
