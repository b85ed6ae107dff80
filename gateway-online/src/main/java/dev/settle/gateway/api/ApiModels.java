package dev.settle.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.settle.gateway.card.Card;
import dev.settle.gateway.payment.Payment;
import dev.settle.gateway.payment.Refund;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API (snake_case on the wire, amounts in integer minor units). */
final class ApiModels {

    private ApiModels() {
    }

    @Schema(name = "CreatePaymentRequest")
    record CreatePaymentRequest(
            @Schema(description = "Amount in minor units of the currency (1050 = 10.50 EUR)", example = "1050",
                    requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") long amount,
            @Schema(description = "ISO 4217 code, either case", example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(description = "The merchant's own reference (order id), 1–255 characters", requiredMode = Schema.RequiredMode.REQUIRED) String reference,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CardRequest card,
            @Schema(description = "Capture at once (default true); false only authorises") Boolean capture,
            String description,
            Map<String, String> metadata) {
    }

    @Schema(name = "CardRequest")
    record CardRequest(
            @Schema(description = "Card number, digits only", example = "4242424242424242") String number,
            @JsonProperty("exp_month") int expMonth,
            @JsonProperty("exp_year") int expYear,
            String cvc) {
        @Override
        public String toString() {
            return "CardRequest[****]";
        }
    }

    @Schema(name = "CaptureRequest")
    record CaptureRequest(@Schema(description = "Minor units to capture; default: the whole authorised amount") Long amount) {
    }

    @Schema(name = "RefundRequest")
    record RefundRequest(@Schema(description = "Minor units to refund; default: everything not yet refunded") Long amount,
            @Schema(description = "duplicate, fraudulent, requested_by_customer or free text") String reason) {
    }

    @Schema(name = "Card")
    record CardView(String brand, String bin, String last4, @JsonProperty("exp_month") int expMonth,
            @JsonProperty("exp_year") int expYear, String fingerprint) {
        static CardView of(Card.StoredCard c) {
            return new CardView(c.brand().wireName(), c.bin(), c.last4(), c.expMonth(), c.expYear(), c.fingerprint());
        }
    }

    @Schema(name = "Payment")
    record PaymentView(
            String id,
            String object,
            @Schema(allowableValues = {"authorized", "captured", "partially_refunded", "refunded", "voided", "declined", "unknown"}) String status,
            long amount,
            @JsonProperty("amount_captured") long amountCaptured,
            @JsonProperty("amount_refunded") long amountRefunded,
            String currency,
            CardView card,
            String reference,
            String description,
            Map<String, String> metadata,
            @JsonProperty("psp_reference") String pspReference,
            @JsonProperty("decline_code") String declineCode,
            @Schema(description = "Unix time, seconds") @JsonProperty("created_at") long createdAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), "payment", p.status().wireName(), p.amountMinor(), p.amountCapturedMinor(),
                    p.amountRefundedMinor(), p.currency().code(), CardView.of(p.card()), p.reference(), p.description(),
                    p.metadata(), p.pspReference(), p.declineCode() == null ? null : p.declineCode().wireName(),
                    p.createdAt().getEpochSecond());
        }
    }

    @Schema(name = "Refund")
    record RefundView(String id, String object, long amount, String currency, String payment, String reason, String status,
            @Schema(description = "Unix time, seconds") @JsonProperty("created_at") long createdAt) {
        static RefundView of(Refund r) {
            return new RefundView(r.id(), "refund", r.amountMinor(), r.currency().code(), r.paymentId(), r.reason(),
                    r.status(), r.createdAt().getEpochSecond());
        }
    }

    @Schema(name = "PaymentList")
    record PaymentList(String object, List<PaymentView> data, @JsonProperty("has_more") boolean hasMore) {
    }

    @Schema(name = "Error")
    record ErrorDetail(
            @Schema(allowableValues = {"invalid_request_error", "authentication_error", "card_error", "idempotency_error",
                    "rate_limit_error", "api_error"}) String type,
            String code,
            String message,
            String param,
            @Schema(description = "The declined payment, for declines") PaymentView payment) {
    }

    @Schema(name = "ErrorResponse")
    record ErrorBody(ErrorDetail error) {
    }
}
