package dev.settle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.gateway.acquirer.TestAcquirer.TestCards;
import dev.settle.gateway.payment.Payments;
import dev.settle.ledger.AccountKind;
import dev.settle.ledger.AccountRef;
import dev.settle.ledger.Ledger;
import dev.settle.money.CurrencyUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The payment life cycle through the HTTP API, with its journal rows and ledger postings. */
@Order(1)
class PaymentLifecycleTest extends GatewayTestSupport {

    @Autowired
    Payments payments;
    @Autowired
    Ledger ledger;

    @Test
    void given_an_approving_card_when_creating_a_payment_then_it_is_captured_with_a_journal_row_and_a_balanced_posting() {
        String key = newMerchantKey();
        ApiClient.Response r = api.post("/v1/payments", key, paymentBody(1050, "eur", TestCards.VISA_APPROVE, "order-1"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("id").asString()).matches("pay_[0-9A-Za-z]{24}");
        assertThat(r.json().path("status").asString()).isEqualTo("captured");
        assertThat(r.json().path("amount").asLong()).isEqualTo(1050);
        assertThat(r.json().path("amount_captured").asLong()).isEqualTo(1050);
        assertThat(r.json().path("amount_refunded").asLong()).isZero();
        assertThat(r.json().path("currency").asString()).isEqualTo("EUR");
        assertThat(r.json().path("card").path("brand").asString()).isEqualTo("visa");
        assertThat(r.json().path("card").path("bin").asString()).isEqualTo("424242");
        assertThat(r.json().path("card").path("last4").asString()).isEqualTo("4242");
        assertThat(r.json().path("card").path("fingerprint").asString()).startsWith("fp_");
        assertThat(r.json().path("psp_reference").asString()).hasSize(16); // fits the gateway report's Psp Reference column
        assertThat(r.raw()).doesNotContain(TestCards.VISA_APPROVE);

        String paymentId = r.json().path("id").asString();
        Map<String, Object> txn = jdbc.queryForMap("SELECT * FROM gateway_transaction WHERE payment_id = ?", paymentId);
        assertThat(txn.get("kind")).isEqualTo("capture");
        assertThat(txn.get("amount_minor")).isEqualTo(1050L);
        assertThat(txn.get("currency")).isEqualTo("EUR");
        assertThat(txn.get("psp_reference")).isEqualTo(r.json().path("psp_reference").asString());
        assertThat((String) txn.get("id")).matches("txn_[0-9A-Za-z]{24}");
        assertThat(ledger.find("capture:" + txn.get("id"))).isPresent();
        String merchantId = jdbc.queryForObject("SELECT merchant_id FROM payment WHERE id = ?", String.class, paymentId);
        assertThat(ledger.balance(AccountRef.merchant(merchantId, AccountKind.MERCHANT_PENDING, CurrencyUnit.EUR)).amountMinor())
                .isEqualTo(1050);
        assertThat(ledger.unbalancedCurrencies()).isEmpty();
    }

    @Test
    void given_an_authorisation_when_capturing_part_then_the_rest_is_released_and_a_second_capture_is_refused() {
        String key = newMerchantKey();
        String id = api.post("/v1/payments", key, authorizeOnlyBody(5000, TestCards.MASTERCARD_APPROVE)).json().path("id").asString();
        assertThat(api.get("/v1/payments/" + id, key).json().path("status").asString()).isEqualTo("authorized");

        assertThat(api.post("/v1/payments/" + id + "/capture", key, "{\"amount\": 6000}").errorCode())
                .isEqualTo("capture_exceeds_authorized");
        ApiClient.Response captured = api.post("/v1/payments/" + id + "/capture", key, "{\"amount\": 3000}");
        assertThat(captured.status()).isEqualTo(200);
        assertThat(captured.json().path("status").asString()).isEqualTo("captured");
        assertThat(captured.json().path("amount_captured").asLong()).isEqualTo(3000);

        ApiClient.Response again = api.post("/v1/payments/" + id + "/capture", key, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("payment_unexpected_state");
    }

    @Test
    void given_an_authorisation_when_voiding_then_it_is_voided_journaled_and_can_no_longer_be_captured() {
        String key = newMerchantKey();
        String id = api.post("/v1/payments", key, authorizeOnlyBody(700, TestCards.VISA_APPROVE)).json().path("id").asString();

        ApiClient.Response voided = api.post("/v1/payments/" + id + "/void", key, null);

        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.json().path("status").asString()).isEqualTo("voided");
        assertThat(jdbc.queryForObject("SELECT kind FROM gateway_transaction WHERE payment_id = ?", String.class, id)).isEqualTo("void");
        assertThat(api.post("/v1/payments/" + id + "/capture", key, null).status()).isEqualTo(409);
        assertThat(api.post("/v1/payments/" + id + "/void", key, null).status()).isEqualTo(409);
    }

    @Test
    void given_a_captured_payment_when_voiding_then_409() {
        String key = newMerchantKey();
        String id = api.post("/v1/payments", key, paymentBody(700, "EUR", TestCards.VISA_APPROVE, "o")).json().path("id").asString();
        assertThat(api.post("/v1/payments/" + id + "/void", key, null).errorCode()).isEqualTo("payment_unexpected_state");
    }

    @Test
    void given_a_captured_payment_when_refunding_in_parts_then_status_and_amounts_follow_and_over_refund_is_refused() {
        String key = newMerchantKey();
        String id = api.post("/v1/payments", key, paymentBody(1000, "EUR", TestCards.AMEX_APPROVE, "o")).json().path("id").asString();

        ApiClient.Response first = api.post("/v1/payments/" + id + "/refunds", key, "{\"amount\": 400, \"reason\": \"requested_by_customer\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("id").asString()).matches("re_[0-9A-Za-z]{24}");
        assertThat(first.json().path("payment").asString()).isEqualTo(id);
        assertThat(api.get("/v1/payments/" + id, key).json().path("status").asString()).isEqualTo("partially_refunded");

        ApiClient.Response tooMuch = api.post("/v1/payments/" + id + "/refunds", key, "{\"amount\": 601}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.errorCode()).isEqualTo("refund_exceeds_captured");

        ApiClient.Response rest = api.post("/v1/payments/" + id + "/refunds", key, null);
        assertThat(rest.json().path("amount").asLong()).isEqualTo(600);
        ApiClient.Response payment = api.get("/v1/payments/" + id, key);
        assertThat(payment.json().path("status").asString()).isEqualTo("refunded");
        assertThat(payment.json().path("amount_refunded").asLong()).isEqualTo(1000);
        assertThat(api.get("/v1/refunds/" + first.json().path("id").asString(), key).json().path("amount").asLong()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_transaction WHERE payment_id = ? AND kind = 'refund'",
                Integer.class, id)).isEqualTo(2);
        assertThat(api.post("/v1/payments/" + id + "/refunds", key, "{\"amount\": 1}").status()).isEqualTo(409);
        assertThat(ledger.unbalancedCurrencies()).isEmpty();
    }

    @Test
    void given_an_authorised_but_uncaptured_payment_when_refunding_then_409() {
        String key = newMerchantKey();
        String id = api.post("/v1/payments", key, authorizeOnlyBody(700, TestCards.VISA_APPROVE)).json().path("id").asString();
        assertThat(api.post("/v1/payments/" + id + "/refunds", key, null).status()).isEqualTo(409);
    }

    static Stream<Arguments> declineCards() {
        return Stream.of(
                Arguments.of(TestCards.DECLINE_CARD_DECLINED, "card_declined"),
                Arguments.of(TestCards.DECLINE_INSUFFICIENT_FUNDS, "insufficient_funds"),
                Arguments.of(TestCards.DECLINE_EXPIRED_CARD, "expired_card"),
                Arguments.of(TestCards.DECLINE_INCORRECT_CVC, "incorrect_cvc"),
                Arguments.of(TestCards.DECLINE_LOST_CARD, "lost_card"),
                Arguments.of(TestCards.DECLINE_STOLEN_CARD, "stolen_card"),
                Arguments.of(TestCards.DECLINE_PROCESSING_ERROR, "processing_error"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("declineCards")
    void given_a_decline_test_card_when_creating_then_402_with_the_code_and_the_declined_payment(String pan, String code) {
        String key = newMerchantKey();
        ApiClient.Response r = api.post("/v1/payments", key, paymentBody(1200, "EUR", pan, "order-decline"));

        assertThat(r.status()).isEqualTo(402);
        assertThat(r.json().path("error").path("type").asString()).isEqualTo("card_error");
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.json().path("error").path("payment").path("status").asString()).isEqualTo("declined");
        assertThat(r.json().path("error").path("payment").path("decline_code").asString()).isEqualTo(code);
        String id = r.json().path("error").path("payment").path("id").asString();
        assertThat(api.get("/v1/payments/" + id, key).json().path("status").asString()).isEqualTo("declined");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_transaction WHERE payment_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void given_the_timeout_card_when_creating_then_unknown_and_the_resolver_captures_it_without_a_second_authorisation() {
        String key = newMerchantKey();
        ApiClient.Response r = api.post("/v1/payments", key, paymentBody(2500, "EUR", TestCards.TIMEOUT, "order-timeout"));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().path("status").asString()).isEqualTo("unknown");
        String id = r.json().path("id").asString();
        assertThat(api.post("/v1/payments/" + id + "/capture", key, null).status()).isEqualTo(409);

        payments.resolveUndecided(100);

        ApiClient.Response resolved = api.get("/v1/payments/" + id, key);
        assertThat(resolved.json().path("status").asString()).isEqualTo("captured");
        assertThat(resolved.json().path("amount_captured").asLong()).isEqualTo(2500);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_transaction WHERE payment_id = ? AND kind = 'capture'",
                Integer.class, id)).isEqualTo(1);
        payments.resolveUndecided(100); // a second pass changes nothing
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gateway_transaction WHERE payment_id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void given_many_payments_when_listing_with_a_cursor_and_filters_then_pages_are_newest_first_and_disjoint() {
        String key = newMerchantKey();
        for (int i = 0; i < 5; i++) {
            api.post("/v1/payments", key, paymentBody(100 + i, "EUR", TestCards.VISA_APPROVE, "ref-" + (i % 2)));
        }
        api.post("/v1/payments", key, paymentBody(999, "EUR", TestCards.DECLINE_CARD_DECLINED, "ref-x"));

        ApiClient.Response page1 = api.get("/v1/payments?limit=4", key);
        assertThat(page1.json().path("object").asString()).isEqualTo("list");
        assertThat(page1.json().path("data").size()).isEqualTo(4);
        assertThat(page1.json().path("has_more").asBoolean()).isTrue();
        String last = page1.json().path("data").get(3).path("id").asString();
        ApiClient.Response page2 = api.get("/v1/payments?limit=4&starting_after=" + last, key);
        assertThat(page2.json().path("data").size()).isEqualTo(2);
        assertThat(page2.json().path("has_more").asBoolean()).isFalse();

        assertThat(api.get("/v1/payments?status=declined", key).json().path("data").size()).isEqualTo(1);
        assertThat(api.get("/v1/payments?reference=ref-0", key).json().path("data").size()).isEqualTo(3);
        assertThat(api.get("/v1/payments?created_gte=4102444800", key).json().path("data").size()).isZero();
        assertThat(api.get("/v1/payments?created_lte=4102444800&limit=100", key).json().path("data").size()).isEqualTo(6);
        assertThat(api.get("/v1/payments?limit=0", key).errorParam()).isEqualTo("limit");
        assertThat(api.get("/v1/payments?limit=abc", key).status()).isEqualTo(400);
        assertThat(api.get("/v1/payments?status=bogus", key).errorParam()).isEqualTo("status");
        List<String> amounts = page1.json().path("data").valueStream().map(n -> n.path("amount").asString()).toList();
        assertThat(amounts).containsExactly("999", "104", "103", "102");
    }
}
