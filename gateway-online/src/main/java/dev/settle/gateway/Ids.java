package dev.settle.gateway;

import java.security.SecureRandom;

/**
 * Type-prefixed random identifiers: {@code pay_} + 24 base62 characters (about 143 bits), so ids
 * are unguessable across merchants and say what they name. Thread-safe.
 */
public final class Ids {

    public static final int RANDOM_LENGTH = 24;
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new id: {@code prefix + "_" + 24 base62 characters}. */
    public static String next(String prefix) {
        return prefix + "_" + random(RANDOM_LENGTH);
    }

    /** {@code length} random base62 characters from a {@link SecureRandom}. */
    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(out);
    }

    /** True when {@code id} has the shape {@link #next} produces for {@code prefix}. */
    public static boolean looksLike(String prefix, String id) {
        if (id == null || id.length() != prefix.length() + 1 + RANDOM_LENGTH || !id.startsWith(prefix + "_")) {
            return false;
        }
        for (int i = prefix.length() + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
