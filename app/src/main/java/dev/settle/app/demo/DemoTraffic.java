package dev.settle.app.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant's server driving a day of payments through the public API over HTTP: captures,
 * partial captures, voids, partial refunds, declines, and retried requests with the same
 * Idempotency-Key (which must replay, not charge twice). Deterministic for a seed.
 */
final class DemoTraffic {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DECLINE = "4000000000000002";
    private static final String INSUFFICIENT_FUNDS = "4000000000009995";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    /** What happened, by kind, for the narration ("captured" → 30, "replayed" → 4, ...). */
    final Map<String, Integer> tally = new LinkedHashMap<>();

    DemoTraffic(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void drive(String secretKey, String currency, int payments, long seed, String dayTag) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < payments; i++) {
            long amount = 500 + rng.nextLong(49_500);
            String approve = cardNumber(rng); // a different customer each time: velocity rules count per card
            String key = dayTag + "-" + currency + "-" + i;
            switch (i % 12) {
                case 0 -> expect(pay(secretKey, key, amount, currency, DECLINE, true), 402, "declined");
                case 1 -> {
                    JsonNode auth = expect(pay(secretKey, key, amount, currency, approve, false), 201, "authorized");
                    expect(post(secretKey, key + "-cap", "/v1/payments/" + auth.get("id").asString() + "/capture",
                            "{\"amount\":" + amount / 2 + "}"), 200, "partially captured");
                }
                case 2 -> {
                    JsonNode auth = expect(pay(secretKey, key, amount, currency, approve, false), 201, "authorized");
                    expect(post(secretKey, key + "-void", "/v1/payments/" + auth.get("id").asString() + "/void", "{}"), 200, "voided");
                }
                case 3 -> {
                    JsonNode paid = expect(pay(secretKey, key, amount, currency, approve, true), 201, "captured");
                    String refunds = "/v1/payments/" + paid.get("id").asString() + "/refunds";
                    expect(post(secretKey, key + "-r1", refunds, "{\"amount\":" + amount / 4 + "}"), 201, "partially refunded");
                    expect(post(secretKey, key + "-r2", refunds, "{\"amount\":" + amount / 4 + "}"), 201, "partially refunded");
                }
                case 4 -> {
                    HttpResponse<String> first = pay(secretKey, key, amount, currency, approve, true);
                    expect(first, 201, "captured");
                    HttpResponse<String> retry = pay(secretKey, key, amount, currency, approve, true); // the merchant timed out and retried
                    if (!"true".equals(retry.headers().firstValue("Idempotent-Replayed").orElse(""))
                            || !retry.body().equals(first.body())) {
                        throw new IllegalStateException("a retried request was not replayed: " + retry.statusCode());
                    }
                    tally.merge("retried and replayed (charged once)", 1, Integer::sum);
                }
                case 5 -> expect(pay(secretKey, key, amount, currency, INSUFFICIENT_FUNDS, true), 402, "declined");
                default -> expect(pay(secretKey, key, amount, currency, approve, true), 201, "captured");
            }
        }
    }

    /** A Luhn-valid 16-digit Visa number; the test acquirer approves every valid card that is not a test decline card. */
    static String cardNumber(SplittableRandom rng) {
        int[] digits = new int[16];
        digits[0] = 4;
        digits[1] = 1 + rng.nextInt(9); // never the 4000… test decline range
        for (int i = 2; i < 15; i++) {
            digits[i] = rng.nextInt(10);
        }
        int sum = 0;
        for (int i = 14; i >= 0; i--) {
            int d = digits[i];
            if ((14 - i) % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        digits[15] = (10 - sum % 10) % 10;
        StringBuilder b = new StringBuilder();
        for (int d : digits) {
            b.append(d);
        }
        return b.toString();
    }

    private HttpResponse<String> pay(String secretKey, String key, long amount, String currency, String card, boolean capture)
            throws Exception {
        String body = "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"reference\":\"" + key + "\","
                + "\"capture\":" + capture + ",\"card\":{\"number\":\"" + card + "\",\"exp_month\":12,\"exp_year\":2034,\"cvc\":\"123\"}}";
        return post(secretKey, key, "/v1/payments", body);
    }

    private HttpResponse<String> post(String secretKey, String idempotencyKey, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + secretKey)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected HTTP " + status + " (" + what + ") but got " + response.statusCode()
                    + ": " + response.body());
        }
        tally.merge(what, 1, Integer::sum);
        JsonNode json = JSON.readTree(response.body());
        return json.has("error") && json.get("error").has("payment") ? json.get("error").get("payment") : json;
    }
}
