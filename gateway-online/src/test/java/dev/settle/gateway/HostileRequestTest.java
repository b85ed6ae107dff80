package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed or hostile request gets its own 4xx code, never a 500, and nothing is created. */
@Order(2)
class HostileRequestTest extends GatewayTestSupport {

    private static final String CARD = "{\"number\": \"4242424242424242\", \"exp_month\": 12, \"exp_year\": 2030, \"cvc\": \"123\"}";

    private static String with(String amount, String currency, String card) {
        return "{\"amount\": " + amount + ", \"currency\": " + currency + ", \"reference\": \"r\", \"card\": " + card + "}";
    }

    private static String card(String number, String month, String year, String cvc) {
        return "{\"number\": " + number + ", \"exp_month\": " + month + ", \"exp_year\": " + year + ", \"cvc\": " + cvc + "}";
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                // body, status, code, param
                Arguments.of("not json at all", 400, "invalid_json", null),
                Arguments.of("{\"amount\": 100,", 400, "invalid_json", null),
                Arguments.of("", 400, "invalid_json", null),
                Arguments.of("[1, 2]", 400, "invalid_json", null),
                Arguments.of("null", 400, "invalid_json", null),
                Arguments.of("{\"amount\": 1, \"amount\": 2}", 400, "invalid_json", null),
                Arguments.of(with("\"100\"", "\"EUR\"", CARD), 400, "parameter_invalid", "amount"),
                Arguments.of(with("10.5", "\"EUR\"", CARD), 400, "parameter_invalid", "amount"),
                Arguments.of(with("10.0", "\"EUR\"", CARD), 400, "parameter_invalid", "amount"),
                Arguments.of(with("1e3", "\"EUR\"", CARD), 400, "parameter_invalid", "amount"),
                Arguments.of(with("true", "\"EUR\"", CARD), 400, "parameter_invalid", "amount"),
                Arguments.of(with("0", "\"EUR\"", CARD), 400, "amount_too_small", "amount"),
                Arguments.of(with("-100", "\"EUR\"", CARD), 400, "amount_too_small", "amount"),
                Arguments.of(with("100000000", "\"EUR\"", CARD), 400, "amount_too_large", "amount"),
                Arguments.of(with("9223372036854775808", "\"EUR\"", CARD), 400, "amount_too_large", "amount"),
                Arguments.of(with("123456789012345678901234567890", "\"EUR\"", CARD), 400, "amount_too_large", "amount"),
                Arguments.of(with("100", "\"XXX\"", CARD), 400, "currency_invalid", "currency"),
                Arguments.of(with("100", "\"EURO\"", CARD), 400, "parameter_invalid", "currency"),
                Arguments.of(with("100", "978", CARD), 400, "parameter_invalid", "currency"),
                Arguments.of(with("100", "null", CARD), 400, "parameter_missing", "currency"),
                Arguments.of("{\"currency\": \"EUR\", \"reference\": \"r\", \"card\": " + CARD + "}", 400, "parameter_missing", "amount"),
                Arguments.of("{\"amount\": 100, \"currency\": \"EUR\", \"card\": " + CARD + "}", 400, "parameter_missing", "reference"),
                Arguments.of("{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\"}", 400, "parameter_missing", "card"),
                Arguments.of("{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"card\": " + CARD + ", \"admin\": true}",
                        400, "parameter_unknown", "admin"),
                Arguments.of(with("100", "\"EUR\"", "{\"number\": \"4242424242424242\", \"exp_month\": 12, \"exp_year\": 2030, \"cvc\": \"123\", \"pin\": \"1\"}"),
                        400, "parameter_unknown", "card.pin"),
                Arguments.of(with("100", "\"EUR\"", "\"4242424242424242\""), 400, "parameter_invalid", "card"),
                Arguments.of(with("100", "\"EUR\"", card("4242424242424242", "12", "2030", "\"123\"")), 400, "parameter_invalid", "card.number"),
                Arguments.of(with("100", "\"EUR\"", card("\"4242424242424241\"", "12", "2030", "\"123\"")), 402, "invalid_number", "card.number"),
                Arguments.of(with("100", "\"EUR\"", card("\"4242-4242-4242-4242\"", "12", "2030", "\"123\"")), 402, "invalid_number", "card.number"),
                Arguments.of(with("100", "\"EUR\"", card("\"42424242\"", "12", "2030", "\"123\"")), 402, "invalid_number", "card.number"),
                Arguments.of(with("100", "\"EUR\"", card("\"4242424242424242\"", "13", "2030", "\"123\"")), 400, "parameter_invalid", "card.exp_month"),
                Arguments.of(with("100", "\"EUR\"", card("\"4242424242424242\"", "\"12\"", "2030", "\"123\"")), 400, "parameter_invalid", "card.exp_month"),
                Arguments.of(with("100", "\"EUR\"", card("\"4242424242424242\"", "12", "30", "\"123\"")), 402, "invalid_expiry_year", "card.exp_year"),
                Arguments.of(with("100", "\"EUR\"", card("\"4242424242424242\"", "1", "2020", "\"123\"")), 402, "expired_card", "card.exp_year"),
                Arguments.of(with("100", "\"EUR\"", card("\"4242424242424242\"", "12", "2030", "\"12\"")), 402, "invalid_cvc", "card.cvc"),
                Arguments.of(with("100", "\"EUR\"", card("\"4242424242424242\"", "12", "2030", "123")), 400, "parameter_invalid", "card.cvc"),
                Arguments.of(with("100", "\"EUR\"", card("\"378282246310005\"", "12", "2030", "\"123\"")), 402, "invalid_cvc", "card.cvc"),
                Arguments.of("{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"card\": " + CARD
                        + ", \"description\": \"card 4242 4242 4242 4242\"}", 400, "parameter_invalid", "description"),
                Arguments.of("{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"card\": " + CARD
                        + ", \"metadata\": {\"k\": 5}}", 400, "parameter_invalid", "metadata.k"),
                Arguments.of("{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"card\": " + CARD
                        + ", \"capture\": \"yes\"}", 400, "parameter_invalid", "capture"),
                Arguments.of("{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"" + "x".repeat(256) + "\", \"card\": " + CARD + "}",
                        400, "parameter_invalid", "reference"));
    }

    @ParameterizedTest(name = "[{index}] {2} {3}")
    @MethodSource("hostileBodies")
    void given_a_hostile_create_body_when_posting_then_the_documented_4xx_and_no_payment(String body, int status, String code, String param) {
        String key = newMerchantKey();

        ApiClient.Response r = api.post("/v1/payments", key, body);

        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.errorCode()).as(r.raw()).isEqualTo(code);
        assertThat(r.errorParam()).isEqualTo(param);
        assertThat(r.json().path("error").path("message").asString()).isNotBlank().doesNotContain("4242424242424242");
        assertThat(api.get("/v1/payments", key).json().path("data").size()).isZero();
    }

    @Test
    void given_a_one_megabyte_body_when_posting_then_413() {
        String key = newMerchantKey();
        String body = "{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"description\": \"" + "a".repeat(1024 * 1024) + "\"}";

        ApiClient.Response r = api.post("/v1/payments", key, body);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("request_too_large");
    }

    @Test
    void given_hostile_modification_bodies_when_posting_then_4xx() {
        String key = newMerchantKey();
        String id = api.post("/v1/payments", key, authorizeOnlyBody(500, "4242424242424242")).json().path("id").asString();

        assertThat(api.post("/v1/payments/" + id + "/capture", key, "{\"amount\": -1}").errorCode()).isEqualTo("amount_too_small");
        assertThat(api.post("/v1/payments/" + id + "/capture", key, "{\"amount\": 1.5}").errorCode()).isEqualTo("parameter_invalid");
        assertThat(api.post("/v1/payments/" + id + "/capture", key, "{\"amt\": 1}").errorCode()).isEqualTo("parameter_unknown");
        assertThat(api.post("/v1/payments/" + id + "/void", key, "{\"x\": 1}").errorCode()).isEqualTo("parameter_unknown");
        assertThat(api.post("/v1/payments/" + id + "/refunds", key, "{\"amount\": \"5\"}").errorCode()).isEqualTo("parameter_invalid");
        assertThat(api.post("/v1/payments/" + id + "/capture", key, "{{").status()).isEqualTo(400);
    }

    @Test
    void given_unknown_urls_and_methods_when_calling_then_404_and_405_in_the_error_shape() {
        String key = newMerchantKey();
        ApiClient.Response unknownUrl = api.get("/v1/nothing-here", key);
        assertThat(unknownUrl.status()).isEqualTo(404);
        assertThat(unknownUrl.errorCode()).isEqualTo("url_unknown");
        ApiClient.Response wrongMethod = api.post("/v1/refunds/re_x", key, "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo("method_not_allowed");
    }

    @Test
    void given_an_overlong_idempotency_key_when_posting_then_400() {
        String key = newMerchantKey();
        ApiClient.Response r = api.post("/v1/payments", key, "k".repeat(256), paymentBody(100, "EUR", "4242424242424242", "r"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("idempotency_key_invalid");
    }
}
