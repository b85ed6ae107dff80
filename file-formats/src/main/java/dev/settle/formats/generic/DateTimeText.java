package dev.settle.formats.generic;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * Reads and writes "yyyy-MM-dd HH:mm:ss", the timestamp layout of the Adyen and Stripe reports, by
 * fixed positions: a {@link java.time.format.DateTimeFormatter} costs about a microsecond per cell,
 * which alone would use up the reading budget of a report with several timestamps per row.
 */
public final class DateTimeText {

    private DateTimeText() {
    }

    /** The local date-time, or null when the text is not exactly "yyyy-MM-dd HH:mm:ss" or names no real time. */
    public static LocalDateTime parse(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            return null; // 2024-02-30, 25:00:00
        }
    }

    /** "yyyy-MM-dd HH:mm:ss" (seconds truncated); years 0-9999 only. */
    public static String format(LocalDateTime t) {
        char[] c = new char[19];
        put(c, 0, t.getYear(), 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static void put(char[] c, int at, int value, int width) {
        if (value < 0 || value >= (width == 4 ? 10_000 : 100)) {
            throw new IllegalArgumentException("value " + value + " does not fit " + width + " digits");
        }
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
