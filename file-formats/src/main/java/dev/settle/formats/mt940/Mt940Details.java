package dev.settle.formats.mt940;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structured subfields of a {@code :86:} text, when the bank used one of the two common layouts.
 * The text's lines are concatenated without separator first: both layouts wrap lines at a fixed
 * width in the middle of words ("?21MTLG:Grund nicht s" + "pezifizie").
 *
 * <ul>
 *   <li>{@link Style#GERMAN} (DFÜ-Abkommen / DK): three-digit business transaction code (GVC), then
 *   {@code ?NN} subfields: ?00 booking text, ?10 primanota, ?20–?29 and ?60–?63 purpose lines,
 *   ?30 bank code (BLZ/BIC), ?31 account (number/IBAN), ?32–?33 counterparty name, ?34 text key
 *   extension. SEPA keys (EREF+, KREF+, MREF+, CRED+, SVWZ+, ABWA+, ...) are taken from the
 *   joined purpose text, each up to the next key.</li>
 *   <li>{@link Style#DUTCH} (ING, ABN AMRO SEPA layout): {@code /TAG/value/TAG/value}, tags from
 *   a known list so a '/' inside a value does not split it.</li>
 * </ul>
 *
 * @param subfields GERMAN: "00" → booking text, ...; DUTCH: "EREF" → value; empty for NONE
 * @param sepaKeys GERMAN only: "EREF" → value, ...
 */
public record Mt940Details(
        Style style,
        String transactionCode,
        Map<String, String> subfields,
        Map<String, String> sepaKeys) {

    public enum Style { NONE, GERMAN, DUTCH }

    private static final Mt940Details NONE = new Mt940Details(Style.NONE, null, Map.of(), Map.of());
    private static final Pattern GERMAN_START = Pattern.compile("^\\s?(\\d{3})\\?");
    private static final Pattern GERMAN_SUBFIELD = Pattern.compile("\\?(\\d{2})");
    private static final Pattern SEPA_KEY = Pattern.compile("(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|IBAN|BIC)\\+");
    /** Tags of the Dutch layout (ING and ABN AMRO documentation). */
    static final Set<String> DUTCH_TAGS = Set.of("TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "MARF", "CSID",
            "CNTP", "ORDP", "BENM", "ULTC", "ULTD", "PURP", "RTRN", "ID", "ADDR", "PREF", "ISDT", "USTD", "STRD",
            "CDTRREF", "CDTRREFTP", "CD", "ISSR", "SVCL", "FX", "ACCW", "ORIG", "CHGS", "EXCH", "TRCD", "COAM", "OAMT");

    /** Parses the :86: text (lines joined with '\n'); never throws. */
    public static Mt940Details parse(String information) {
        if (information == null || information.isEmpty()) {
            return NONE;
        }
        String text = information.replace("\n", "");
        Matcher start = GERMAN_START.matcher(text);
        if (start.find()) {
            return german(start.group(1), text.substring(start.end() - 1));
        }
        if (text.startsWith("/")) {
            Map<String, String> dutch = dutch(text);
            if (!dutch.isEmpty()) {
                return new Mt940Details(Style.DUTCH, null, dutch, Map.of());
            }
        }
        return NONE;
    }

    /** ?00 booking text (GERMAN), null when absent. */
    public String bookingText() {
        return style == Style.GERMAN ? subfields.get("00") : null;
    }

    /** Purpose text: ?20–?29 then ?60–?63 joined (GERMAN), REMI (DUTCH); null when absent. */
    public String purpose() {
        if (style == Style.DUTCH) {
            return subfields.get("REMI");
        }
        if (style != Style.GERMAN) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String key : List.of("20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "60", "61", "62", "63")) {
            String v = subfields.get(key);
            if (v != null) {
                b.append(v);
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    /** ?30 (GERMAN) or BIC (DUTCH). */
    public String counterpartyBank() {
        return style == Style.GERMAN ? subfields.get("30") : subfields.get("BIC");
    }

    /** ?31 (GERMAN) or IBAN (DUTCH). */
    public String counterpartyAccount() {
        return style == Style.GERMAN ? subfields.get("31") : subfields.get("IBAN");
    }

    /** ?32 + ?33 (GERMAN) or NAME (DUTCH). */
    public String counterpartyName() {
        if (style == Style.GERMAN) {
            String a = subfields.get("32");
            String b = subfields.get("33");
            if (a == null && b == null) {
                return null;
            }
            return (a == null ? "" : a) + (b == null ? "" : b);
        }
        return subfields.get("NAME");
    }

    /** End-to-end reference: SEPA key EREF+ (GERMAN) or tag EREF (DUTCH). */
    public String endToEndReference() {
        return style == Style.GERMAN ? sepaKeys.get("EREF") : subfields.get("EREF");
    }

    private static Mt940Details german(String code, String rest) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = GERMAN_SUBFIELD.matcher(rest);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int valueEnd = i + 1 < starts.size() ? starts.get(i + 1)[0] : rest.length();
            String key = rest.substring(starts.get(i)[0] + 1, starts.get(i)[1]);
            String value = rest.substring(starts.get(i)[1], valueEnd);
            fields.merge(key, value, String::concat); // a repeated subfield continues the previous one
        }
        Mt940Details partial = new Mt940Details(Style.GERMAN, code, fields, Map.of());
        String purpose = partial.purpose();
        return new Mt940Details(Style.GERMAN, code, fields, purpose == null ? Map.of() : sepa(purpose));
    }

    private static Map<String, String> sepa(String purpose) {
        Map<String, String> keys = new LinkedHashMap<>();
        Matcher m = SEPA_KEY.matcher(purpose);
        String key = null;
        int valueStart = 0;
        while (m.find()) {
            if (key != null) {
                keys.putIfAbsent(key, purpose.substring(valueStart, m.start()).strip());
            }
            key = m.group(1);
            valueStart = m.end();
        }
        if (key != null) {
            keys.putIfAbsent(key, purpose.substring(valueStart).strip());
        }
        return Collections.unmodifiableMap(keys);
    }

    private static Map<String, String> dutch(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        // positions of "/TAG/" for known tags
        List<int[]> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int slash = text.indexOf('/', i);
            if (slash < 0) {
                break;
            }
            int next = text.indexOf('/', slash + 1);
            if (next > slash && DUTCH_TAGS.contains(text.substring(slash + 1, next))) {
                found.add(new int[] {slash, next});
                i = next + 1;
                continue;
            }
            i = slash + 1;
        }
        for (int k = 0; k < found.size(); k++) {
            int valueStart = found.get(k)[1] + 1;
            int valueEnd = k + 1 < found.size() ? found.get(k + 1)[0] : text.length();
            String value = valueStart <= valueEnd ? text.substring(valueStart, valueEnd) : "";
            if (value.endsWith("/")) {
                value = value.substring(0, value.length() - 1);
            }
            tags.putIfAbsent(text.substring(found.get(k)[0] + 1, found.get(k)[1]), value.strip());
        }
        return Collections.unmodifiableMap(tags);
    }
}
