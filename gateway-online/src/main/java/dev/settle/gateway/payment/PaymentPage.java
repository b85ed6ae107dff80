package dev.settle.gateway.payment;

import java.util.List;

/** One page of a listing; {@code hasMore} tells whether a next page exists. */
public record PaymentPage(List<Payment> payments, boolean hasMore) {
}
