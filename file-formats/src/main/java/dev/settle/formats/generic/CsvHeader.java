package dev.settle.formats.generic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The header row of a CSV file: column names to 0-based positions. Names are matched after removing
 * a UTF-8 byte-order mark and surrounding spaces, ignoring case ("Psp Reference" = "psp reference"),
 * because exports edited in spreadsheets often change exactly these. A repeated name keeps its first
 * position.
 */
public final class CsvHeader {

    private final List<String> names;
    private final Map<String, Integer> positions;

    private CsvHeader(List<String> names) {
        this.names = Collections.unmodifiableList(names);
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.putIfAbsent(key(names.get(i)), i);
        }
        this.positions = map;
    }

    public static CsvHeader of(CSVRecord record) {
        List<String> names = new ArrayList<>(record.size());
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i);
            if (i == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
                name = name.substring(1);
            }
            names.add(name.strip());
        }
        return new CsvHeader(names);
    }

    /** 0-based position of the column, or -1 when the file has no such column. */
    public int indexOf(String name) {
        Integer i = positions.get(key(name));
        return i == null ? -1 : i;
    }

    /** Column names as written (BOM and surrounding spaces removed), in file order. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
