package dev.kassa.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets auth hands out once and keeps only as their SHA-256 (refresh tokens, apps' client secrets): with 32
 * random bytes a plain hash is enough, and a lookup by it needs no per-row salt.
 */
public final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {}

    /** {@code bytes} random bytes. */
    public static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    /** 32 random bytes, base64url without padding, after {@code prefix}. */
    public static String newToken(String prefix) {
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    }

    /** The SHA-256 of a token, in hex: what is stored and looked up. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
