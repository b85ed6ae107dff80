package dev.settle.gateway.merchant;

import java.time.Instant;

/**
 * An API key as stored: no secret, only its id, its first characters and its lifetime.
 *
 * @param revokedAt null while the key works
 */
public record ApiKey(String id, String merchantId, String prefix, Instant createdAt, Instant revokedAt) {
}
