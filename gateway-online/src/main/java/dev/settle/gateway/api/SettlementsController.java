package dev.settle.gateway.api;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.GatewayException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's settlements, statement lines and payouts, read from the settlement tables by SQL
 * (the settle and payout jobs write them; this module never depends on the jobs). Amounts are
 * integer minor units with their currency. Another merchant's ids answer 404 {@code resource_missing},
 * exactly like ids that do not exist.
 */
@RestController
@RequestMapping(path = "/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = "bearer")
class SettlementsController {

    private static final int LIMIT_MAX = 100;

    private final JdbcTemplate jdbc;

    SettlementsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "List settlements, newest business date first")
    @GetMapping("/settlements")
    Map<String, Object> settlements(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(name = "business_date", required = false) String businessDate) {
        checkLimit(limit);
        List<Map<String, Object>> rows = businessDate == null
                ? jdbc.query(SUMMARY + " WHERE merchant_id = ? ORDER BY business_date DESC, id LIMIT ?",
                        (rs, n) -> settlement(rs), merchantId, limit + 1)
                : jdbc.query(SUMMARY + " WHERE merchant_id = ? AND business_date = ? ORDER BY id LIMIT ?",
                        (rs, n) -> settlement(rs), merchantId, date(businessDate), limit + 1);
        return list(rows, limit);
    }

    @Operation(summary = "Retrieve a settlement")
    @GetMapping("/settlements/{id}")
    Map<String, Object> settlement(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId, @PathVariable String id) {
        return owned(merchantId, id);
    }

    @Operation(summary = "The statement lines of a settlement; they sum exactly to its net")
    @GetMapping("/settlements/{id}/lines")
    Map<String, Object> lines(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId, @PathVariable String id) {
        Map<String, Object> s = owned(merchantId, id);
        List<Map<String, Object>> lines = jdbc.query("SELECT * FROM settlement_statement_line WHERE settlement_id = ? ORDER BY line_no",
                (rs, n) -> {
                    Map<String, Object> l = new LinkedHashMap<>();
                    l.put("line_no", rs.getInt("line_no"));
                    l.put("type", rs.getString("line_type").toLowerCase(java.util.Locale.ROOT));
                    l.put("reference", rs.getString("reference"));
                    l.put("description", rs.getString("description"));
                    l.put("gross", rs.getObject("gross_minor"));
                    l.put("amount", rs.getLong("amount_minor"));
                    l.put("currency", s.get("currency"));
                    l.put("business_date", rs.getObject("business_date") == null ? null : rs.getObject("business_date").toString());
                    return l;
                }, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("settlement", id);
        out.put("data", lines);
        out.put("total", s.get("net"));
        return out;
    }

    @Operation(summary = "The statement as CSV")
    @GetMapping(path = "/settlements/{id}/statement.csv", produces = "text/csv")
    ResponseEntity<String> statementCsv(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId,
            @PathVariable String id) {
        owned(merchantId, id);
        String csv = jdbc.queryForObject("SELECT statement_csv FROM settlement WHERE id = ?", String.class, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8")).body(csv);
    }

    @Operation(summary = "List payouts, newest first")
    @GetMapping("/payouts")
    Map<String, Object> payouts(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId,
            @RequestParam(defaultValue = "10") int limit) {
        checkLimit(limit);
        List<Map<String, Object>> rows = jdbc.query("""
                SELECT p.*, r.reason_code FROM payout p LEFT JOIN payout_return r ON r.payout_id = p.id
                 WHERE p.merchant_id = ? ORDER BY p.business_date DESC, p.id DESC LIMIT ?""", (rs, n) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", rs.getString("id"));
            p.put("object", "payout");
            p.put("settlement", rs.getString("settlement_id"));
            p.put("amount", rs.getLong("amount_minor"));
            p.put("currency", rs.getString("currency").trim());
            p.put("status", rs.getString("status").toLowerCase(java.util.Locale.ROOT));
            p.put("method", rs.getString("method").toLowerCase(java.util.Locale.ROOT));
            p.put("end_to_end_id", rs.getString("end_to_end_id"));
            p.put("business_date", rs.getObject("business_date").toString());
            p.put("return_reason", rs.getString("reason_code"));
            p.put("reissue_of", rs.getString("reissue_of"));
            return p;
        }, merchantId, limit + 1);
        return list(rows, limit);
    }

    private Map<String, Object> owned(String merchantId, String id) {
        List<Map<String, Object>> found = jdbc.query(SUMMARY + " WHERE id = ? AND merchant_id = ?",
                (rs, n) -> settlement(rs), id, merchantId);
        if (found.isEmpty()) {
            throw new GatewayException(ErrorCode.RESOURCE_MISSING, "No such settlement: '" + id + "'.", "id");
        }
        return found.get(0);
    }

    /** The columns {@link #settlement} shows: not the statement CSV, megabytes for a big merchant's day. */
    private static final String SUMMARY = """
            SELECT id, business_date, currency, status, transaction_count, gross_captures_minor, refunds_minor,
                   disputes_minor, fees_minor, reserve_held_minor, reserve_released_minor, returned_payouts_minor,
                   carried_in_minor, net_minor, payout_minor, carried_out_minor
              FROM settlement""";

    private static Map<String, Object> settlement(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", rs.getString("id"));
        s.put("object", "settlement");
        s.put("business_date", rs.getObject("business_date").toString());
        s.put("currency", rs.getString("currency").trim());
        s.put("status", rs.getString("status").toLowerCase(java.util.Locale.ROOT));
        s.put("transaction_count", rs.getLong("transaction_count"));
        s.put("gross_captures", rs.getLong("gross_captures_minor"));
        s.put("refunds", rs.getLong("refunds_minor"));
        s.put("disputes", rs.getLong("disputes_minor"));
        s.put("fees", rs.getLong("fees_minor"));
        s.put("reserve_held", rs.getLong("reserve_held_minor"));
        s.put("reserve_released", rs.getLong("reserve_released_minor"));
        s.put("returned_payouts", rs.getLong("returned_payouts_minor"));
        s.put("balance_brought_forward", rs.getLong("carried_in_minor"));
        s.put("net", rs.getLong("net_minor"));
        s.put("payout", rs.getLong("payout_minor"));
        s.put("carried_forward", rs.getLong("carried_out_minor"));
        return s;
    }

    private static Map<String, Object> list(List<Map<String, Object>> rows, int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", rows.size() > limit ? rows.subList(0, limit) : rows);
        out.put("has_more", rows.size() > limit);
        return out;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter 'limit' must be 1 to " + LIMIT_MAX + ".", "limit");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter 'business_date' must be yyyy-MM-dd.", "business_date");
        }
    }
}
