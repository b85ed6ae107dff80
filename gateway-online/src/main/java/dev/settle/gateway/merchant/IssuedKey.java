package dev.settle.gateway.merchant;

/**
 * A freshly issued key with its secret: the only moment the secret exists outside the merchant's
 * hands. {@link #toString()} masks it.
 */
public record IssuedKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedKey[" + key + ", secret=****]";
    }
}
