package dev.settle.formats.nacha;

/** Positional helpers shared by the NACHA record types. Positions are 1-based and inclusive, as in the NACHA rules. */
final class Fields {

    private Fields() {
    }

    /** Characters {@code from..to} (1-based, inclusive) of a line already padded to 94 characters. */
    static String cut(String padded, int from, int to) {
        return padded.substring(from - 1, to);
    }

    /**
     * Pads a short line with spaces to 94 characters so every field can be cut; a longer line is
     * cut at 94 (the validator reports the real length from the raw text).
     */
    static String pad(String raw) {
        if (raw.length() == NachaReader.RECORD_LENGTH) {
            return raw;
        }
        if (raw.length() > NachaReader.RECORD_LENGTH) {
            return raw.substring(0, NachaReader.RECORD_LENGTH);
        }
        return raw + " ".repeat(NachaReader.RECORD_LENGTH - raw.length());
    }

    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Parses an all-digit field; -1 when it is not all digits (callers report that as a violation). */
    static long digitsOrMinusOne(String s) {
        if (!isDigits(s) || s.length() > 18) {
            return -1;
        }
        return Long.parseLong(s);
    }

    /**
     * The ABA check digit for the first 8 digits of a routing number: weights 3, 7, 1 repeated;
     * the check digit brings the weighted sum up to a multiple of 10.
     */
    static int routingCheckDigit(String eightDigits) {
        int[] weights = {3, 7, 1, 3, 7, 1, 3, 7};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * weights[i];
        }
        return (10 - sum % 10) % 10;
    }

    /** True for a 9-digit routing number whose 9th digit is the ABA check digit of the first 8. */
    static boolean isValidRouting(String nineDigits) {
        return nineDigits.length() == 9 && isDigits(nineDigits)
                && routingCheckDigit(nineDigits) == nineDigits.charAt(8) - '0';
    }

    static String rightJustifyDigits(long value, int width) {
        String s = Long.toString(value);
        return "0".repeat(width - s.length()) + s;
    }

    static String leftJustify(String value, int width) {
        return value + " ".repeat(width - value.length());
    }
}
