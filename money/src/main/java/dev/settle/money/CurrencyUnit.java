package dev.settle.money;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An ISO 4217 currency with its minor-unit exponent (JPY 0, EUR 2, KWD 3, CLF 4).
 *
 * <p>The table is our own resource {@code iso4217.csv}, not {@link java.util.Currency}: the JDK's
 * data changes with the JDK, and the exponent decides how every stored amount is read, so it must
 * be versioned with the code. Instances are interned: compare with {@code ==} or {@code equals}.
 */
public final class CurrencyUnit implements Comparable<CurrencyUnit> {

    private static final Map<String, CurrencyUnit> BY_CODE = load();

    public static final CurrencyUnit EUR = of("EUR");
    public static final CurrencyUnit USD = of("USD");
    public static final CurrencyUnit GBP = of("GBP");
    public static final CurrencyUnit JPY = of("JPY");
    public static final CurrencyUnit KWD = of("KWD");

    private final String code;
    private final String numericCode;
    private final int exponent;

    private CurrencyUnit(String code, String numericCode, int exponent) {
        this.code = code;
        this.numericCode = numericCode;
        this.exponent = exponent;
    }

    /**
     * @throws MoneyException {@code UNKNOWN_CURRENCY} when the code is not an active ISO 4217 code
     *     with a minor unit (codes are case-sensitive: "eur" is not a currency)
     */
    public static CurrencyUnit of(String code) {
        CurrencyUnit unit = code == null ? null : BY_CODE.get(code);
        if (unit == null) {
            throw new MoneyException(MoneyException.Code.UNKNOWN_CURRENCY,
                    "unknown currency '" + code + "': not an active ISO 4217 code with a minor unit");
        }
        return unit;
    }

    public static Optional<CurrencyUnit> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static Collection<CurrencyUnit> all() {
        return Collections.unmodifiableCollection(BY_CODE.values());
    }

    public String code() {
        return code;
    }

    /** The three-digit numeric code, with leading zeros ("008"). */
    public String numericCode() {
        return numericCode;
    }

    /** Number of decimal places of the minor unit: 0 for JPY, 2 for EUR, 3 for KWD. */
    public int exponent() {
        return exponent;
    }

    @Override
    public int compareTo(CurrencyUnit other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }

    private static Map<String, CurrencyUnit> load() {
        Map<String, CurrencyUnit> table = new LinkedHashMap<>();
        try (InputStream in = CurrencyUnit.class.getResourceAsStream("iso4217.csv")) {
            if (in == null) {
                throw new IllegalStateException("iso4217.csv missing from the money jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split(",");
                table.put(cols[0], new CurrencyUnit(cols[0], cols[1], Integer.parseInt(cols[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
