package dev.settle.gateway;

/**
 * The one error vocabulary of the gateway: every error the API returns has one of these codes, and
 * the code alone decides the HTTP status and the error type. Rendered as
 * {@code {"error":{"type","code","message","param"}}}.
 */
public enum ErrorCode {
    // 400: the request itself is wrong
    INVALID_JSON(400, ErrorType.INVALID_REQUEST),
    PARAMETER_MISSING(400, ErrorType.INVALID_REQUEST),
    PARAMETER_INVALID(400, ErrorType.INVALID_REQUEST),
    PARAMETER_UNKNOWN(400, ErrorType.INVALID_REQUEST),
    AMOUNT_TOO_SMALL(400, ErrorType.INVALID_REQUEST),
    AMOUNT_TOO_LARGE(400, ErrorType.INVALID_REQUEST),
    CURRENCY_INVALID(400, ErrorType.INVALID_REQUEST),
    IDEMPOTENCY_KEY_INVALID(400, ErrorType.INVALID_REQUEST),
    // 401
    AUTHENTICATION_REQUIRED(401, ErrorType.AUTHENTICATION),
    API_KEY_INVALID(401, ErrorType.AUTHENTICATION),
    // 402: card errors and declines
    INVALID_NUMBER(402, ErrorType.CARD),
    INVALID_EXPIRY_MONTH(402, ErrorType.CARD),
    INVALID_EXPIRY_YEAR(402, ErrorType.CARD),
    INVALID_CVC(402, ErrorType.CARD),
    EXPIRED_CARD(402, ErrorType.CARD),
    CARD_DECLINED(402, ErrorType.CARD),
    INSUFFICIENT_FUNDS(402, ErrorType.CARD),
    INCORRECT_CVC(402, ErrorType.CARD),
    LOST_CARD(402, ErrorType.CARD),
    STOLEN_CARD(402, ErrorType.CARD),
    RISK_DECLINED(402, ErrorType.CARD),
    PROCESSING_ERROR(402, ErrorType.CARD),
    // 404, 405, 406, 413, 415
    RESOURCE_MISSING(404, ErrorType.INVALID_REQUEST),
    URL_UNKNOWN(404, ErrorType.INVALID_REQUEST),
    METHOD_NOT_ALLOWED(405, ErrorType.INVALID_REQUEST),
    REQUEST_TOO_LARGE(413, ErrorType.INVALID_REQUEST),
    UNSUPPORTED_MEDIA_TYPE(415, ErrorType.INVALID_REQUEST),
    // 409: the object is not in a state that allows this
    PAYMENT_UNEXPECTED_STATE(409, ErrorType.INVALID_REQUEST),
    IDEMPOTENCY_KEY_IN_USE(409, ErrorType.IDEMPOTENCY),
    // 422: well-formed but refused by a business rule
    IDEMPOTENCY_KEY_REUSED(422, ErrorType.IDEMPOTENCY),
    CAPTURE_EXCEEDS_AUTHORIZED(422, ErrorType.INVALID_REQUEST),
    REFUND_EXCEEDS_CAPTURED(422, ErrorType.INVALID_REQUEST),
    CURRENCY_MISMATCH(422, ErrorType.INVALID_REQUEST),
    // 429
    RATE_LIMITED(429, ErrorType.RATE_LIMIT),
    // 5xx: ours
    API_ERROR(500, ErrorType.API),
    SERVICE_UNAVAILABLE(503, ErrorType.API);

    /** The {@code type} field of an error: a coarse class clients can switch on. */
    public enum ErrorType {
        INVALID_REQUEST("invalid_request_error"),
        AUTHENTICATION("authentication_error"),
        CARD("card_error"),
        IDEMPOTENCY("idempotency_error"),
        RATE_LIMIT("rate_limit_error"),
        API("api_error");

        private final String wireName;

        ErrorType(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final int httpStatus;
    private final ErrorType type;

    ErrorCode(int httpStatus, ErrorType type) {
        this.httpStatus = httpStatus;
        this.type = type;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public ErrorType type() {
        return type;
    }

    /** The wire form: {@code card_declined}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
