package dev.settle.formats.adyen;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Resolves the SDR "TimeZone" cell to a {@link ZoneId}.
 *
 * <p>Three spellings are accepted, in this order:
 * <ol>
 *   <li>An abbreviation from the table below, mapped to a FIXED offset. Adyen writes the abbreviation
 *   that was in force at the row's time ("CET" in January, "CEST" in July), so the abbreviation
 *   itself says whether summer time applies; mapping it to a region (which would re-decide summer
 *   time from the date) could shift a "CET" row stamped in the DST changeover hour by one hour.
 *   Ambiguous abbreviations (IST, CST-as-China, BST-as-Bangladesh) are read in their most common
 *   payments meaning, listed here:
 *   <pre>
 *   UTC, GMT, Z, WET   +00:00     WEST, BST            +01:00
 *   CET, MET           +01:00     CEST, MEST           +02:00
 *   EET                +02:00     EEST                 +03:00
 *   MSK                +03:00     GST                  +04:00
 *   IST (India)        +05:30     SGT, HKT, AWST       +08:00
 *   JST, KST           +09:00     AEST                 +10:00
 *   AEDT               +11:00     NZST                 +12:00
 *   NZDT               +13:00     BRT, ART             -03:00
 *   AST                -04:00     ADT                  -03:00
 *   EST                -05:00     EDT                  -04:00
 *   CST (US Central)   -06:00     CDT                  -05:00
 *   MST                -07:00     MDT                  -06:00
 *   PST                -08:00     PDT                  -07:00
 *   AKST               -09:00     AKDT                 -08:00
 *   HST                -10:00
 *   </pre></li>
 *   <li>A tz database region id ("Europe/Amsterdam"): summer time is decided by the date; a local
 *   time in the autumn overlap takes the earlier (summer) offset, one in the spring gap is moved
 *   forward by the gap's length ({@link java.time.ZonedDateTime#of} rules).</li>
 *   <li>An offset id ("+01:00", "UTC+01:00", "GMT-05:00").</li>
 * </ol>
 * Anything else is unknown (the reader reports {@code ADYEN_UNKNOWN_TIME_ZONE}).
 */
public final class AdyenTimeZones {

    private static final Map<String, ZoneOffset> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
            Map.entry("WET", ZoneOffset.UTC), Map.entry("WEST", ZoneOffset.ofHours(1)), Map.entry("BST", ZoneOffset.ofHours(1)),
            Map.entry("CET", ZoneOffset.ofHours(1)), Map.entry("MET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("MEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneOffset.ofHours(2)), Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("MSK", ZoneOffset.ofHours(3)), Map.entry("GST", ZoneOffset.ofHours(4)),
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
            Map.entry("SGT", ZoneOffset.ofHours(8)), Map.entry("HKT", ZoneOffset.ofHours(8)), Map.entry("AWST", ZoneOffset.ofHours(8)),
            Map.entry("JST", ZoneOffset.ofHours(9)), Map.entry("KST", ZoneOffset.ofHours(9)),
            Map.entry("AEST", ZoneOffset.ofHours(10)), Map.entry("AEDT", ZoneOffset.ofHours(11)),
            Map.entry("NZST", ZoneOffset.ofHours(12)), Map.entry("NZDT", ZoneOffset.ofHours(13)),
            Map.entry("BRT", ZoneOffset.ofHours(-3)), Map.entry("ART", ZoneOffset.ofHours(-3)),
            Map.entry("AST", ZoneOffset.ofHours(-4)), Map.entry("ADT", ZoneOffset.ofHours(-3)),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("AKST", ZoneOffset.ofHours(-9)), Map.entry("AKDT", ZoneOffset.ofHours(-8)),
            Map.entry("HST", ZoneOffset.ofHours(-10)));

    private AdyenTimeZones() {
    }

    /** The zone for a TimeZone cell, or null when it is not understood. */
    public static ZoneId resolve(String label) {
        if (label == null) {
            return null;
        }
        String s = label.strip();
        if (s.isEmpty()) {
            return null;
        }
        ZoneOffset fixed = ABBREVIATIONS.get(s);
        if (fixed != null) {
            return fixed;
        }
        // Region and offset ids only: ZoneId.of would also accept the JDK's own three-letter
        // aliases inconsistently, and those are covered (deliberately) by the table above.
        if (s.indexOf('/') > 0 || s.startsWith("+") || s.startsWith("-")
                || s.startsWith("UTC+") || s.startsWith("UTC-") || s.startsWith("GMT+") || s.startsWith("GMT-")) {
            try {
                return ZoneId.of(s);
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }
}
