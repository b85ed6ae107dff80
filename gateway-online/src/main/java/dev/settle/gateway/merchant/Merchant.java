package dev.settle.gateway.merchant;

import dev.settle.money.CurrencyUnit;
import java.time.Instant;

/** A merchant: the owner of payments and API keys. */
public record Merchant(String id, String name, CurrencyUnit defaultCurrency, String status, Instant createdAt) {
}
