package dev.settle.gateway.api;

import dev.settle.gateway.ErrorCode;
import dev.settle.gateway.GatewayException;
import dev.settle.gateway.GatewayProperties;
import dev.settle.gateway.card.CardInput;
import dev.settle.gateway.payment.NewPayment;
import dev.settle.gateway.payment.Payment;
import dev.settle.gateway.payment.PaymentFilter;
import dev.settle.gateway.payment.PaymentPage;
import dev.settle.gateway.payment.PaymentStatus;
import dev.settle.gateway.payment.Payments;
import dev.settle.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant payment API. Authentication, rate limiting, the body size limit and idempotency are
 * handled by filters before a request gets here ({@link ApiAuthFilter}, {@link IdempotencyFilter});
 * the merchant arrives as a request attribute.
 */
@RestController
@RequestMapping(path = "/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = "bearer")
class PaymentsController {

    private static final Set<String> CREATE_FIELDS = Set.of("amount", "currency", "reference", "card", "capture", "description", "metadata");
    private static final Set<String> CARD_FIELDS = Set.of("number", "exp_month", "exp_year", "cvc");
    private static final int LIST_LIMIT_MAX = 100;

    private final Payments payments;
    private final GatewayProperties properties;

    PaymentsController(Payments payments, GatewayProperties properties) {
        this.payments = payments;
        this.properties = properties;
    }

    @Operation(summary = "Create a payment: authorise, and capture unless capture is false",
            parameters = @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(maxLength = 255)),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ApiModels.CreatePaymentRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "authorized or captured",
                            content = @Content(schema = @Schema(implementation = ApiModels.PaymentView.class))),
                    @ApiResponse(responseCode = "202", description = "unknown: the acquirer did not answer; resolved in the background",
                            content = @Content(schema = @Schema(implementation = ApiModels.PaymentView.class))),
                    @ApiResponse(responseCode = "402", description = "declined, or the card data is invalid",
                            content = @Content(schema = @Schema(implementation = ApiModels.ErrorBody.class)))})
    @PostMapping("/payments")
    ResponseEntity<Object> create(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId,
            @RequestAttribute(name = IdempotencyFilter.KEY_ATTRIBUTE, required = false) String idempotencyKey,
            @RequestBody(required = false) byte[] body) {
        JsonBody json = JsonBody.parse(body, false).allowOnly(CREATE_FIELDS);
        long amountMinor = json.amountMinor("amount", true, properties.getAmountMaxMinor());
        Money amount = Money.ofMinor(amountMinor, json.currency("currency"));
        String reference = json.text("reference", true, 255);
        JsonBody card = json.object("card").allowOnly(CARD_FIELDS);
        CardInput cardInput = new CardInput(card.string("number", true, 19), card.integer("exp_month", 1, 12),
                card.integer("exp_year", 0, 9999), card.string("cvc", true, 4));
        NewPayment request = new NewPayment(amount, reference, cardInput, json.bool("capture", true),
                json.text("description", false, 1000), json.metadata("metadata"));
        Payment payment = payments.create(merchantId, request, idempotencyKey);
        return switch (payment.status()) {
            case DECLINED -> ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body(ErrorResponses.body(payment.declineCode(),
                    declineMessage(payment.declineCode()), null, payment));
            case PENDING, UNKNOWN -> ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiModels.PaymentView.of(payment));
            default -> ResponseEntity.status(HttpStatus.CREATED).body(ApiModels.PaymentView.of(payment));
        };
    }

    @Operation(summary = "Retrieve a payment")
    @GetMapping("/payments/{id}")
    ApiModels.PaymentView get(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId, @PathVariable String id) {
        return ApiModels.PaymentView.of(payments.get(merchantId, id));
    }

    @Operation(summary = "List payments, newest first",
            parameters = {@Parameter(name = "created_gte", description = "Unix seconds, inclusive"),
                    @Parameter(name = "created_lte", description = "Unix seconds, inclusive")})
    @GetMapping("/payments")
    ApiModels.PaymentList list(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter,
            @RequestParam(required = false) String status,
            @RequestParam(name = "created_gte", required = false) Long createdGte,
            @RequestParam(name = "created_lte", required = false) Long createdLte,
            @RequestParam(required = false) String reference) {
        if (limit < 1 || limit > LIST_LIMIT_MAX) {
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter 'limit' must be 1 to " + LIST_LIMIT_MAX + ".", "limit");
        }
        PaymentStatus statusFilter = null;
        if (status != null) {
            statusFilter = PaymentStatus.ofWire(status);
            if (statusFilter == null) {
                throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter 'status' must be one of authorized, captured, "
                        + "partially_refunded, refunded, voided, declined, unknown.", "status");
            }
        }
        PaymentPage page = payments.list(merchantId, new PaymentFilter(statusFilter, epoch(createdGte, "created_gte"),
                epoch(createdLte, "created_lte"), reference, limit, startingAfter));
        return new ApiModels.PaymentList("list", page.payments().stream().map(ApiModels.PaymentView::of).toList(), page.hasMore());
    }

    @Operation(summary = "Capture an authorised payment, once (amount ≤ authorised; the rest is released)",
            parameters = @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(maxLength = 255)),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ApiModels.CaptureRequest.class))))
    @PostMapping("/payments/{id}/capture")
    ApiModels.PaymentView capture(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonBody json = JsonBody.parse(body, true).allowOnly(Set.of("amount"));
        return ApiModels.PaymentView.of(payments.capture(merchantId, id, json.amountMinor("amount", false, properties.getAmountMaxMinor())));
    }

    @Operation(summary = "Void an authorised, uncaptured payment",
            parameters = @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(maxLength = 255)))
    @PostMapping("/payments/{id}/void")
    ApiModels.PaymentView voidPayment(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonBody.parse(body, true).allowOnly(Set.of());
        return ApiModels.PaymentView.of(payments.voidPayment(merchantId, id));
    }

    @Operation(summary = "Refund a captured payment, in full or in part (several partial refunds allowed)",
            parameters = @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(maxLength = 255)),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ApiModels.RefundRequest.class))))
    @PostMapping("/payments/{id}/refunds")
    ResponseEntity<ApiModels.RefundView> refund(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId,
            @RequestAttribute(name = IdempotencyFilter.KEY_ATTRIBUTE, required = false) String idempotencyKey,
            @PathVariable String id, @RequestBody(required = false) byte[] body) {
        JsonBody json = JsonBody.parse(body, true).allowOnly(Set.of("amount", "reason"));
        Long amountMinor = json.amountMinor("amount", false, properties.getAmountMaxMinor());
        String reason = json.text("reason", false, 500);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiModels.RefundView.of(payments.refund(merchantId, id, amountMinor, reason, idempotencyKey)));
    }

    @Operation(summary = "Retrieve a refund")
    @GetMapping("/refunds/{id}")
    ApiModels.RefundView getRefund(@RequestAttribute(ApiAuthFilter.MERCHANT_ATTRIBUTE) String merchantId, @PathVariable String id) {
        return ApiModels.RefundView.of(payments.getRefund(merchantId, id));
    }

    private static Instant epoch(Long seconds, String param) {
        if (seconds == null) {
            return null;
        }
        if (seconds < 0 || seconds > 253_402_300_799L) { // up to 9999-12-31
            throw new GatewayException(ErrorCode.PARAMETER_INVALID, "Parameter '" + param + "' must be Unix seconds.", param);
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static final Map<ErrorCode, String> DECLINE_MESSAGES = Map.of(
            ErrorCode.CARD_DECLINED, "The card was declined.",
            ErrorCode.INSUFFICIENT_FUNDS, "The card has insufficient funds.",
            ErrorCode.EXPIRED_CARD, "The card has expired.",
            ErrorCode.INCORRECT_CVC, "The card's security code is incorrect.",
            ErrorCode.LOST_CARD, "The card was declined (reported lost).",
            ErrorCode.STOLEN_CARD, "The card was declined (reported stolen).",
            ErrorCode.RISK_DECLINED, "The payment was declined by risk rules.",
            ErrorCode.PROCESSING_ERROR, "The payment could not be processed.");

    private static String declineMessage(ErrorCode code) {
        return DECLINE_MESSAGES.getOrDefault(code, "The card was declined.");
    }
}
