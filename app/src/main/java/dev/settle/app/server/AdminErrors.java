package dev.settle.app.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The admin API's error body, shaped like the payment API's ({@code {"error": {type, code, message,
 * param}}}), and one mapping of a workflow's refusal codes to HTTP statuses.
 */
final class AdminErrors {

    private AdminErrors() {
    }

    /** The request field a refusal code is about, for {@code param}. */
    private static final Map<String, String> PARAM_OF_CODE = Map.of("NOTE_REQUIRED", "note", "INVALID_KIND", "kind");

    /** NOT_FOUND → 404, a code of {@code conflicts} (the thing is in the wrong state) → 409, anything else → 422. */
    static ResponseEntity<Map<String, Object>> refused(String code, String message, Set<String> conflicts) {
        HttpStatus status = code.equals("NOT_FOUND") ? HttpStatus.NOT_FOUND
                : conflicts.contains(code) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        return error(status, "invalid_request_error", code.toLowerCase(), message, PARAM_OF_CODE.get(code));
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String code, String message, String param) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("code", code);
        error.put("message", message);
        error.put("param", param);
        return ResponseEntity.status(status).body(Map.of("error", error));
    }
}
