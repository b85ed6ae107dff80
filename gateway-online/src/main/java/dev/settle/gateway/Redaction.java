package dev.settle.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks anything that looks like a card number: a run of 12–19 digits, optionally
 * separated by single spaces or dashes. Applied to every error message and param the API returns,
 * and used to refuse card numbers in free-text fields, so a PAN pasted in the wrong place is neither
 * echoed nor stored.
 */
public final class Redaction {

    private static final Pattern PAN_LIKE = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){11,18}(?![0-9])");

    private Redaction() {
    }

    public static boolean containsPanLike(String text) {
        return text != null && PAN_LIKE.matcher(text).find();
    }

    /** The text with each PAN-like run replaced by {@code [redacted]}; null stays null. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PAN_LIKE.matcher(text);
        return m.find() ? m.replaceAll("[redacted]") : text;
    }
}
