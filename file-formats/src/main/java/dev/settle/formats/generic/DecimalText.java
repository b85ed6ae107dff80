package dev.settle.formats.generic;

import java.math.BigDecimal;

/**
 * Strict plain-decimal text as found in CSV money columns: an optional sign, digits, and optionally
 * a '.' followed by digits ("12", "-0.50", "+3.1"). No exponent, no grouping, no spaces: whatever
 * {@link BigDecimal#BigDecimal(String)} would accept beyond that ("1E3", ".5") is refused here, so a
 * file cannot smuggle in a scale or magnitude by notation. A hand-written check rather than a regex
 * keeps it cheap enough for millions of cells.
 */
public final class DecimalText {

    private DecimalText() {
    }

    /** True when {@code s} is a plain decimal as described above. */
    public static boolean isPlain(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            i = 1;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        if (intDigits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        i++;
        int fractionDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            fractionDigits++;
        }
        return fractionDigits > 0 && i == n;
    }

    /** The decimal, or null when {@code s} is not {@linkplain #isPlain plain}. */
    public static BigDecimal parse(String s) {
        return isPlain(s) ? new BigDecimal(s) : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
