package dev.settle.gateway.api;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception a controller can raise into the API's error shape. Framework exceptions
 * map to one {@link ErrorCode} each; anything else is a 500 whose details go to the log only.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<Object> gateway(GatewayException e) {
        return ErrorResponses.entity(e);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(NoResourceFoundException e) {
        return ErrorResponses.entity(new GatewayException(ErrorCode.URL_UNKNOWN, "Unrecognised request URL."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
        return ErrorResponses.entity(new GatewayException(ErrorCode.METHOD_NOT_ALLOWED,
                "Method " + e.getMethod() + " is not allowed here."));
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<Object> mediaType(Exception e) {
        return ErrorResponses.entity(new GatewayException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Send and accept application/json."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ErrorResponses.entity(new GatewayException(ErrorCode.PARAMETER_INVALID,
                "Parameter '" + e.getName() + "' has the wrong type.", e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e) {
        return ErrorResponses.entity(new GatewayException(ErrorCode.PARAMETER_MISSING,
                "Missing required parameter '" + e.getParameterName() + "'.", e.getParameterName()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        LOG.error("unexpected error in the API", e);
        return ErrorResponses.entity(new GatewayException(ErrorCode.API_ERROR,
                "Something went wrong on our side; it is safe to retry with the same Idempotency-Key."));
    }
}
