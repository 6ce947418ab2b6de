package dev.kassa.platform.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The tokens of public links that need no login (a digital receipt's {@code /r/…}, a table's menu {@code /m/…}): 144
 * random bits as 24 URL-safe characters, so that a link cannot be guessed or enumerated; the token is the link's only key.
 */
public final class PublicLinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicLinkTokens() {}

    /** A new token. */
    public static String next() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code token} has a token's shape (checked before the database is asked). */
    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{24}");
    }
}
