package dev.settle.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the API under test. Records every card-number-like digit run it sends
 * ({@link #PANS_SENT}), so the card-data scan knows what to look for.
 */
public final class ApiClient {

    static final Set<String> PANS_SENT = ConcurrentHashMap.newKeySet();
    private static final Pattern PAN = Pattern.compile("(?<![0-9])[0-9]{13,19}(?![0-9])");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public ApiClient(int port) {
        this.port = port;
    }

    /** A response: status, the replay header, the parsed body (null when not JSON). */
    public record Response(int status, String replayed, String raw, JsonNode json) {
        public String errorCode() {
            return json.path("error").path("code").asString();
        }

        public String errorParam() {
            return json.path("error").path("param").isNull() ? null : json.path("error").path("param").asString();
        }
    }

    public Response post(String path, String secretKey, String idempotencyKey, String body) {
        if (body != null) {
            Matcher m = PAN.matcher(body);
            while (m.find()) {
                PANS_SENT.add(m.group());
            }
        }
        HttpRequest.Builder request = base(path, secretKey).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Response post(String path, String secretKey, String body) {
        return post(path, secretKey, UUID.randomUUID().toString(), body);
    }

    public Response get(String path, String secretKey) {
        return send(base(path, secretKey).GET().build());
    }

    public Response getAbsolute(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    private HttpRequest.Builder base(String path, String secretKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (secretKey != null) {
            b.header("Authorization", "Bearer " + secretKey);
        }
        return b;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = r.body().isEmpty() ? null : JSON.readTree(r.body());
            } catch (RuntimeException notJson) {
                // prometheus text, for example
            }
            return new Response(r.statusCode(), r.headers().firstValue("Idempotent-Replayed").orElse(null), r.body(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
