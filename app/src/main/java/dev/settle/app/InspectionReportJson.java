package dev.settle.app;

import dev.settle.formats.InspectionReport;
import dev.settle.formats.Violation;
import dev.settle.money.Money;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code --json} document of {@code ./settle files check}. Money is an object
 * {@code {"amount": "10.50", "currency": "EUR", "amountMinor": 1050}}: the decimal as a string
 * so that no JSON reader turns it into a floating-point number, and the exact minor units beside it.
 * Absent evidence (no line, no field) is {@code null}, so every violation has the same keys.
 */
final class InspectionReportJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private InspectionReportJson() {
    }

    static String render(InspectionReport report, boolean detected) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", report.file());
        root.put("format", report.format().cliName());
        root.put("formatDetected", detected);
        root.put("valid", report.valid());
        ObjectNode counts = root.putObject("recordCounts");
        report.recordCounts().forEach(counts::put);
        money(root.putObject("controlTotals"), report.controlTotals());
        money(root.putObject("balances"), report.balances());
        root.put("violationCount", report.violations().size());
        ArrayNode violations = root.putArray("violations");
        for (Violation v : report.violations()) {
            ObjectNode o = violations.addObject();
            o.put("code", v.code().code());
            o.put("fatal", v.code().fatal());
            o.put("file", v.file());
            if (v.line() > 0) {
                o.put("line", v.line());
            } else {
                o.putNull("line");
            }
            o.put("xmlPath", v.xmlPath());
            o.put("recordType", v.recordType());
            o.put("field", v.field());
            o.put("rawValue", v.rawValue());
            o.put("message", v.message());
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    private static void money(ObjectNode out, Map<String, Money> amounts) {
        for (Map.Entry<String, Money> e : amounts.entrySet()) {
            ObjectNode m = out.putObject(e.getKey());
            m.put("amount", e.getValue().toDecimalString());
            m.put("currency", e.getValue().currency().code());
            m.put("amountMinor", e.getValue().amountMinor());
        }
    }
}
