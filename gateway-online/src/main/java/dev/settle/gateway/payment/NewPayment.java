package dev.settle.gateway.payment;

import dev.settle.gateway.card.CardInput;
import dev.settle.money.Money;
import java.util.Map;

/**
 * A validated request to create a payment (amount positive and within the maximum, currency known,
 * fields within their lengths). The card is still unchecked: {@link Payments#create} validates it.
 */
public record NewPayment(Money amount, String reference, CardInput card, boolean capture, String description,
        Map<String, String> metadata) {
}
