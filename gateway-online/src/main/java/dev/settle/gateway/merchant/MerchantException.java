package dev.settle.gateway.merchant;

/** A refused merchant administration action (unknown merchant or key, invalid name or currency). */
public final class MerchantException extends RuntimeException {

    public MerchantException(String message) {
        super(message);
    }
}
