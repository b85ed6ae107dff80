package dev.settle.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: a {@code long} count of minor units of one ISO 4217 currency.
 *
 * <p>Immutable and thread-safe. Every arithmetic operation is exact: a result that does not fit in a
 * {@code long} throws {@link MoneyException} with code {@code OVERFLOW} instead of wrapping, and
 * operations on two different currencies throw {@code CURRENCY_MISMATCH}. The only operations that
 * round take a {@link RoundingRule} argument, so every rounding in the code base is visible at the
 * call site.
 */
public record Money(long amountMinor, CurrencyUnit currency) implements Comparable<Money> {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+)(\\.(\\d+))?");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money ofMinor(long amountMinor, CurrencyUnit currency) {
        return new Money(amountMinor, currency);
    }

    public static Money ofMinor(long amountMinor, String currencyCode) {
        return new Money(amountMinor, CurrencyUnit.of(currencyCode));
    }

    public static Money zero(CurrencyUnit currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a plain decimal string ("10", "10.5", "-0.01") in the given currency. The scale may be
     * shorter than the currency's exponent but never longer: "10.001" EUR is an error, not a rounding.
     *
     * @throws MoneyException {@code MALFORMED_AMOUNT}, {@code SCALE_EXCEEDS_CURRENCY} or {@code OVERFLOW}
     */
    public static Money parse(String decimal, CurrencyUnit currency) {
        if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
            throw new MoneyException(MoneyException.Code.MALFORMED_AMOUNT,
                    "malformed amount '" + decimal + "': expected digits with an optional '.' and fraction");
        }
        return of(new BigDecimal(decimal), currency);
    }

    /** Parses "10.50 EUR" (amount, one space, code), the form {@link #toString()} writes. */
    public static Money parse(String amountAndCode) {
        int space = amountAndCode == null ? -1 : amountAndCode.lastIndexOf(' ');
        if (space < 0) {
            throw new MoneyException(MoneyException.Code.MALFORMED_AMOUNT,
                    "malformed money '" + amountAndCode + "': expected '<amount> <ISO 4217 code>'");
        }
        return parse(amountAndCode.substring(0, space), CurrencyUnit.of(amountAndCode.substring(space + 1)));
    }

    /**
     * Converts a decimal read at an edge (file, JSON). Trailing zeros beyond the exponent are
     * accepted ("10.500" EUR is 1050 cents); any non-zero digit beyond it is rejected.
     */
    public static Money of(BigDecimal major, CurrencyUnit currency) {
        BigDecimal minor = major.movePointRight(currency.exponent()).stripTrailingZeros();
        if (minor.scale() > 0) {
            throw new MoneyException(MoneyException.Code.SCALE_EXCEEDS_CURRENCY,
                    "amount " + major.toPlainString() + " has more decimals than " + currency.code()
                            + " allows (" + currency.exponent() + ")");
        }
        try {
            return new Money(minor.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw overflow("amount " + major.toPlainString() + " " + currency.code());
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
        } catch (ArithmeticException e) {
            throw overflow(this + " + " + other);
        }
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
        } catch (ArithmeticException e) {
            throw overflow(this + " - " + other);
        }
    }

    public Money times(long factor) {
        try {
            return new Money(Math.multiplyExact(amountMinor, factor), currency);
        } catch (ArithmeticException e) {
            throw overflow(this + " * " + factor);
        }
    }

    public Money negate() {
        try {
            return new Money(Math.negateExact(amountMinor), currency);
        } catch (ArithmeticException e) {
            throw overflow("-(" + this + ")");
        }
    }

    public Money abs() {
        return amountMinor < 0 ? negate() : this;
    }

    /**
     * This amount times {@code numerator / denominator}, rounded to a whole minor unit by the rule.
     * Computed exactly (no intermediate overflow), then checked to fit a {@code long}.
     */
    public Money multiplyRatio(long numerator, long denominator, RoundingRule rule) {
        if (denominator == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(amountMinor).multiply(BigInteger.valueOf(numerator)))
                .divide(BigDecimal.valueOf(denominator), 0, rule.mode());
        try {
            return new Money(exact.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw overflow(this + " * " + numerator + "/" + denominator);
        }
    }

    /** This amount times {@code basisPoints / 10 000}, rounded by the rule (fees, reserves). */
    public Money basisPoints(long basisPoints, RoundingRule rule) {
        return multiplyRatio(basisPoints, 10_000, rule);
    }

    /**
     * Splits this amount into parts proportional to {@code weights} that sum exactly to this amount
     * (largest-remainder method). Each part first gets the truncated share; the leftover minor
     * units go one each to the parts with the largest remainders, ties to the earlier part. A
     * negative amount is split as its absolute value and each part negated, so parts share its sign.
     *
     * @throws MoneyException {@code INVALID_ALLOCATION} when there are no weights, a weight is
     *     negative, or they sum to zero
     */
    public Money[] allocate(long... weights) {
        if (weights.length == 0) {
            throw new MoneyException(MoneyException.Code.INVALID_ALLOCATION, "no weights to allocate " + this + " by");
        }
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new MoneyException(MoneyException.Code.INVALID_ALLOCATION, "negative weight " + w);
            }
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() == 0) {
            throw new MoneyException(MoneyException.Code.INVALID_ALLOCATION, "weights sum to zero");
        }
        BigInteger whole = BigInteger.valueOf(amountMinor).abs();
        long[] parts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        BigInteger handedOut = BigInteger.ZERO;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = whole.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            handedOut = handedOut.add(qr[0]);
        }
        long leftover = whole.subtract(handedOut).longValueExact(); // < weights.length
        for (long n = 0; n < leftover; n++) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (remainders[i].signum() >= 0 && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = BigInteger.ONE.negate(); // each part gets at most one extra unit
        }
        Money[] result = new Money[weights.length];
        for (int i = 0; i < weights.length; i++) {
            result[i] = new Money(amountMinor < 0 ? -parts[i] : parts[i], currency);
        }
        return result;
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    public int signum() {
        return Long.signum(amountMinor);
    }

    /** The amount as a decimal in major units with exactly the currency's exponent ("10.50"). */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(amountMinor, currency.exponent());
    }

    /**
     * "10.50" for EUR, "1050" for JPY, "-0.005" for KWD: the same text as
     * {@code toMajor().toPlainString()}, written without a BigDecimal (statements print millions).
     */
    public String toDecimalString() {
        int exponent = currency.exponent();
        if (exponent == 0) {
            return Long.toString(amountMinor);
        }
        if (amountMinor == Long.MIN_VALUE || exponent >= POWERS_OF_TEN.length) {
            return toMajor().toPlainString();
        }
        long abs = Math.abs(amountMinor);
        long unit = POWERS_OF_TEN[exponent];
        String fraction = Long.toString(abs % unit);
        StringBuilder text = new StringBuilder(24);
        if (amountMinor < 0) {
            text.append('-');
        }
        text.append(abs / unit).append('.');
        for (int pad = exponent - fraction.length(); pad > 0; pad--) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    /** "10.50 EUR"; {@link #parse(String)} reads it back. */
    @Override
    public String toString() {
        return toDecimalString() + " " + currency.code();
    }

    private void requireSameCurrency(Money other) {
        if (other.currency != currency) {
            throw new MoneyException(MoneyException.Code.CURRENCY_MISMATCH,
                    "cannot combine " + this + " with " + other + ": different currencies");
        }
    }

    private static MoneyException overflow(String expression) {
        return new MoneyException(MoneyException.Code.OVERFLOW, "overflow: " + expression + " does not fit in 64-bit minor units");
    }
}
