package dev.settle.gateway;

import java.util.Objects;

/**
 * The one exception type of the gateway for errors a client should see. The message is shown to the
 * client as is, so it must never contain card data or secrets; {@code param} names the offending
 * request field (dotted, e.g. {@code card.exp_month}) or is null.
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final String param;

    public GatewayException(ErrorCode code, String message, String param) {
        super(message, null, false, false); // no stack trace: these are expected outcomes
        this.code = Objects.requireNonNull(code, "code");
        this.param = param;
    }

    public GatewayException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    public String param() {
        return param;
    }
}
