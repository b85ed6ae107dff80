package dev.settle.gateway.api;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.GatewayException;
import dev.settle.gateway.Redaction;
import dev.settle.money.CurrencyUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON request body read strictly, field by field, so every bad value gets its own code, message
 * and dotted param name: wrong types are refused rather than coerced ("100" is not an amount, 10.5
 * is not a count of minor units), unknown fields are refused, duplicate keys are refused. Messages
 * never repeat the offending value (it may be a card number).
 */
final class JsonBody {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode node;
    private final String path;

    private JsonBody(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a body that must be a JSON object; an empty body reads as {@code {}} when {@code emptyAllowed}. */
    static JsonBody parse(byte[] body, boolean emptyAllowed) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            if (emptyAllowed) {
                return new JsonBody(STRICT.createObjectNode(), "");
            }
            throw new GatewayException(ErrorCode.INVALID_JSON, "A JSON object request body is required.");
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (JacksonException e) {
            // Jackson's own message quotes the input, which may hold a card number: give the position only.
            var location = e.getLocation();
            throw new GatewayException(ErrorCode.INVALID_JSON, "The request body is not valid JSON"
                    + (location == null ? "." : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")."));
        }
        if (tree == null || !tree.isObject()) {
            throw new GatewayException(ErrorCode.INVALID_JSON, "The request body must be a JSON object.");
        }
        return new JsonBody(tree, "");
    }

    /** Refuses any field not in {@code allowed}. */
    JsonBody allowOnly(Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new GatewayException(ErrorCode.PARAMETER_UNKNOWN, "Unknown parameter '" + param(name)
                        + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ".", param(name));
            }
        }
        return this;
    }

    private JsonNode field(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private GatewayException missing(String name) {
        return new GatewayException(ErrorCode.PARAMETER_MISSING, "Missing required parameter '" + param(name) + "'.", param(name));
    }

    private GatewayException wrongType(String name, String expected) {
        return new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter '" + param(name) + "' must be " + expected + ".", param(name));
    }

    private String param(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return field(name) != null;
    }

    /**
     * An amount in minor units: a JSON integer, 1 to {@code amountMaxMinor}.
     *
     * @return null when absent and not required
     */
    Long amountMinor(String name, boolean required, long amountMaxMinor) {
        JsonNode value = field(name);
        if (value == null) {
            if (required) {
                throw missing(name);
            }
            return null;
        }
        if (!value.isNumber()) {
            throw wrongType(name, "an integer number of minor units (e.g. 1050 for 10.50 EUR)");
        }
        if (!value.isIntegralNumber()) {
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter '" + param(name)
                    + "' must be an integer number of minor units, without a decimal point (e.g. 1050 for 10.50 EUR).", param(name));
        }
        if (!value.canConvertToLong()) {
            throw new GatewayException(ErrorCode.AMOUNT_TOO_LARGE, "Parameter '" + param(name)
                    + "' is too large; the maximum is " + amountMaxMinor + " minor units.", param(name));
        }
        long amount = value.longValue();
        if (amount <= 0) {
            throw new GatewayException(ErrorCode.AMOUNT_TOO_SMALL, "Parameter '" + param(name)
                    + "' must be at least 1 minor unit.", param(name));
        }
        if (amount > amountMaxMinor) {
            throw new GatewayException(ErrorCode.AMOUNT_TOO_LARGE, "Parameter '" + param(name)
                    + "' is too large; the maximum is " + amountMaxMinor + " minor units.", param(name));
        }
        return amount;
    }

    /** An ISO 4217 code, in either case ("eur" or "EUR"). */
    CurrencyUnit currency(String name) {
        String code = string(name, true, 3);
        return CurrencyUnit.find(code.toUpperCase(Locale.ROOT)).orElseThrow(() -> new GatewayException(
                ErrorCode.CURRENCY_INVALID, "Parameter '" + param(name) + "' is not a supported ISO 4217 currency code.", param(name)));
    }

    /** A string of at most {@code lengthMax} characters; null when absent and not required. */
    String string(String name, boolean required, int lengthMax) {
        JsonNode value = field(name);
        if (value == null) {
            if (required) {
                throw missing(name);
            }
            return null;
        }
        if (!value.isString()) {
            throw wrongType(name, "a string");
        }
        String s = value.stringValue();
        if (required && s.isEmpty()) {
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter '" + param(name) + "' must not be empty.", param(name));
        }
        if (s.length() > lengthMax) {
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter '" + param(name) + "' is longer than "
                    + lengthMax + " characters.", param(name));
        }
        return s;
    }

    /** A free-text string that must not carry a card number. */
    String text(String name, boolean required, int lengthMax) {
        String s = string(name, required, lengthMax);
        if (Redaction.containsPanLike(s)) {
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter '" + param(name)
                    + "' looks like it contains a card number; card data belongs in 'card' only.", param(name));
        }
        return s;
    }

    int integer(String name, int min, int max) {
        JsonNode value = field(name);
        if (value == null) {
            throw missing(name);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(name, "an integer");
        }
        int v = value.intValue();
        if (v < min || v > max) {
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter '" + param(name) + "' must be "
                    + min + " to " + max + ".", param(name));
        }
        return v;
    }

    boolean bool(String name, boolean defaultValue) {
        JsonNode value = field(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return value.booleanValue();
    }

    JsonBody object(String name) {
        JsonNode value = field(name);
        if (value == null) {
            throw missing(name);
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object");
        }
        return new JsonBody(value, param(name));
    }

    /** Up to 50 string keys (≤ 40 chars) with string values (≤ 500 chars); empty when absent. */
    Map<String, String> metadata(String name) {
        JsonNode value = field(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object of string keys and string values");
        }
        if (value.size() > 50) {
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter '" + param(name) + "' has more than 50 keys.", param(name));
        }
        JsonBody inner = new JsonBody(value, param(name));
        for (String key : value.propertyNames()) {
            if (key.isEmpty() || key.length() > 40 || Redaction.containsPanLike(key)) {
                throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Metadata keys must be 1 to 40 characters without card numbers.", param(name));
            }
            out.put(key, inner.text(key, true, 500));
        }
        return out;
    }
}
