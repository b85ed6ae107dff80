package dev.settle.formats.pain001;

import java.util.regex.Pattern;

/** ISO 13616 IBAN checks: the ISO 20022 pattern and the mod-97 check digits. */
public final class Iban {

    /** IBAN2007Identifier of the pain.001 schemas. */
    public static final Pattern PATTERN = Pattern.compile("[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}");

    private Iban() {
    }

    /** True when the pattern matches and the check digits are right (value mod 97 = 1). */
    public static boolean isValid(String iban) {
        if (iban == null || !PATTERN.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int v = Character.digit(Character.toUpperCase(rearranged.charAt(i)), 36);
            // letters are two digits (A=10..Z=35), digits one
            remainder = v >= 10 ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97;
        }
        return remainder == 1;
    }
}
