package dev.settle.gateway.api;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.GatewayException;
import dev.settle.gateway.Redaction;
import dev.settle.gateway.payment.Payment;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Renders errors in the one shape the API uses; messages and params pass through {@link Redaction}. */
final class ErrorResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorResponses() {
    }

    static ApiModels.ErrorBody body(ErrorCode code, String message, String param, Payment payment) {
        return new ApiModels.ErrorBody(new ApiModels.ErrorDetail(code.type().wireName(), code.wireName(),
                Redaction.redact(message), Redaction.redact(param), payment == null ? null : ApiModels.PaymentView.of(payment)));
    }

    static ResponseEntity<Object> entity(GatewayException e) {
        return ResponseEntity.status(e.code().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(body(e.code(), e.getMessage(), e.param(), null));
    }

    /** For filters, which run outside Spring MVC's exception handling. */
    static void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body(code, message, null, null)));
    }
}
