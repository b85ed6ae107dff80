package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Health, metrics and the OpenAPI document (the committed openapi.json must match the live one). */
@Order(6)
class OperationsEndpointsTest extends GatewayTestSupport {

    private static final Path COMMITTED_OPENAPI = Path.of("openapi.json");

    @Test
    void given_the_running_api_when_asking_health_then_up_with_database_and_redis() {
        ApiClient.Response health = api.getAbsolute("/actuator/health");

        assertThat(health.status()).as(health.raw()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("redis").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void given_traffic_when_scraping_prometheus_then_request_latency_histograms_and_authorisations_by_code_are_there() {
        String key = newMerchantKey();
        api.post("/v1/payments", key, paymentBody(100, "EUR", "4242424242424242", "metrics"));
        api.post("/v1/payments", key, paymentBody(100, "EUR", "4000000000009995", "metrics"));

        ApiClient.Response metrics = api.getAbsolute("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("http_server_requests_seconds_bucket").contains("settle_gateway_acquirer_authorize_seconds_bucket");
        assertThat(metrics.raw()).contains("settle_gateway_authorizations_total{code=\"insufficient_funds\",outcome=\"declined\"");
        assertThat(metrics.raw()).contains("settle_gateway_authorizations_total{code=\"none\",outcome=\"approved\"");
    }

    @Test
    void given_the_live_api_docs_then_they_equal_the_committed_openapi_json() throws IOException {
        ApiClient.Response docs = api.getAbsolute("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonMapper pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        String live = pretty.writeValueAsString(docs.json()) + "\n";
        if (Boolean.getBoolean("openapi.update") || !Files.exists(COMMITTED_OPENAPI)) {
            Files.writeString(COMMITTED_OPENAPI, live, StandardCharsets.UTF_8);
        }
        JsonNode committed = pretty.readTree(Files.readString(COMMITTED_OPENAPI));

        assertThat(docs.json()).as("run with -Dopenapi.update=true to refresh gateway-online/openapi.json").isEqualTo(committed);
        assertThat(docs.json().path("paths").has("/v1/payments")).isTrue();
        assertThat(docs.json().path("paths").has("/v1/payments/{id}/refunds")).isTrue();
        assertThat(docs.json().path("components").path("schemas").has("CreatePaymentRequest")).isTrue();
    }
}
