package dev.settle.formats.nacha;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FileInspector;
import dev.settle.formats.InspectionReport;
import dev.settle.money.Money;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./settle files check} for NACHA: record counts per kind, computed debit/credit totals
 * (USD), and every violation of {@link NachaValidator}.
 */
public final class NachaInspector implements FileInspector {

    @Override
    public FileFormat format() {
        return FileFormat.NACHA;
    }

    /** A file header record: "1" + priority "01" + " " or digit, and a 94-character first line or an .ach name. */
    @Override
    public boolean looksLike(byte[] head, String fileName) {
        if (head.length < 4 || head[0] != '1' || head[1] != '0' || head[2] != '1') {
            return false;
        }
        int end = 0;
        while (end < head.length && head[end] != '\n' && head[end] != '\r') {
            end++;
        }
        boolean achName = fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".ach");
        return end == NachaReader.RECORD_LENGTH || end >= head.length || achName;
    }

    @Override
    public InspectionReport inspect(InputStream in, String fileName) {
        NachaValidation v = NachaValidator.validate(in, fileName);
        Map<String, Money> totals = new LinkedHashMap<>();
        totals.put("debits", v.totals().debitTotal());
        totals.put("credits", v.totals().creditTotal());
        totals.put("net (credits - debits)", v.totals().creditTotal().minus(v.totals().debitTotal()));
        Map<String, Long> counts = new LinkedHashMap<>(v.recordCounts());
        counts.put("entry hash", v.totals().entryHash());
        return new InspectionReport(FileFormat.NACHA, fileName, counts, totals, Map.of(), v.violations());
    }
}
