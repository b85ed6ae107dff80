package dev.settle.gateway.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fingerprints a PAN with HMAC-SHA256 under a secret key: the same card gives the same fingerprint
 * (for velocity rules and for merchants to spot repeat cards), but without the key nobody can test
 * candidate PANs against it, which a plain hash of a 16-digit number would allow. Thread-safe.
 */
public final class CardFingerprinter {

    private final SecretKeySpec key;

    public CardFingerprinter(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the card fingerprint key must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** {@code fp_} + the first 32 hex characters (128 bits) of HMAC-SHA256(key, PAN). */
    public String fingerprint(String pan) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(pan.getBytes(StandardCharsets.US_ASCII));
            return "fp_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
