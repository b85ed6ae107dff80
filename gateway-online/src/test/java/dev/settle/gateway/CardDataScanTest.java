package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.gateway.acquirer.TestAcquirer.TestCards;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (see junit-platform.properties): after the whole suite's traffic plus card data sent
 * in every wrong place, no PAN that any test sent appears anywhere in the database (every column of
 * every row of every table, as text) or in the captured log output; no CVC appears next to a
 * card either.
 */
@Order(Integer.MAX_VALUE)
class CardDataScanTest extends GatewayTestSupport {

    @Test
    void given_all_the_traffic_of_the_suite_when_scanning_the_database_and_logs_then_no_test_pan_is_found() throws Exception {
        sendCardDataEverywhere();
        Set<String> pans = new TreeSet<>(ApiClient.PANS_SENT);
        for (Field f : TestCards.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                pans.add((String) f.get(null));
            }
        }
        assertThat(pans).hasSizeGreaterThan(10);

        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
                String.class);
        assertThat(tables).contains("payment", "idempotency_key", "refund", "gateway_transaction", "ledger_posting");
        List<String> leaks = new ArrayList<>();
        for (String table : tables) {
            // each row as text; bytea (stored response bodies) converted from UTF-8 so a PAN inside is visible
            // each row as its text form (bytea columns appear as hex there; they are decoded below)
            List<String> rows = jdbc.queryForList("SELECT t::text FROM " + table + " t", String.class);
            for (String row : rows) {
                for (String pan : pans) {
                    if (row.contains(pan)) {
                        leaks.add(table + ": " + pan);
                    }
                }
            }
        }
        List<byte[]> bodies = jdbc.queryForList("SELECT response_body FROM idempotency_key WHERE response_body IS NOT NULL", byte[].class);
        assertThat(bodies).isNotEmpty();
        for (byte[] body : bodies) {
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            pans.stream().filter(text::contains).forEach(p -> leaks.add("idempotency_key.response_body: " + p));
        }
        String logs = LOG_CAPTURE.toString();
        assertThat(logs).isNotEmpty();
        pans.stream().filter(logs::contains).forEach(p -> leaks.add("log: " + p));

        assertThat(leaks).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment", Integer.class)).isPositive();
    }

    /** Card numbers in every field a careless or hostile client might use. */
    private void sendCardDataEverywhere() {
        String key = newMerchantKey();
        String pan = "4111111111111111";
        List<String> bodies = List.of(
                paymentBody(100, "EUR", pan, "scan"),
                paymentBody(100, "EUR", "4012888888881881", "scan-timeout-like"),
                "{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"" + pan + "\", \"card\": {\"number\": \"" + pan
                        + "\", \"exp_month\": 1, \"exp_year\": 2030, \"cvc\": \"123\"}}",
                "{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"description\": \"" + pan + "\", \"card\": {\"number\": \""
                        + pan + "\", \"exp_month\": 1, \"exp_year\": 2030, \"cvc\": \"123\"}}",
                "{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"metadata\": {\"" + pan + "\": \"x\"}, \"card\": {\"number\": \""
                        + pan + "\", \"exp_month\": 1, \"exp_year\": 2030, \"cvc\": \"123\"}}",
                "{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"" + pan + "\": 1}",
                "{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"card\": {\"number\": " + pan + "}}",
                "{\"amount\": 100, \"currency\": \"EUR\", \"reference\": \"r\", \"card\": {\"number\": \"" + pan + "1\", \"exp_month\": 1, \"exp_year\": 2030, \"cvc\": \"123\"}}",
                "{\"amount\": " + pan + pan + ", \"currency\": \"EUR\"}",
                "{\"amount\": 100, \"card\": {\"number\": \"" + pan + "\" ");
        for (String body : bodies) {
            assertThat(api.post("/v1/payments", key, body).status()).isLessThan(500);
        }
        assertThat(api.get("/v1/payments/" + pan, key).status()).isEqualTo(404);
        assertThat(api.post("/v1/payments/" + pan + "/capture", key, null).raw()).doesNotContain(pan);
    }
}
