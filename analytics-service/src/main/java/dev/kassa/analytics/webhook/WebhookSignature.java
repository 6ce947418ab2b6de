package dev.kassa.analytics.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a delivery is signed: {@code Kassa-Signature: t=<unix seconds>,v1=<hex>} where {@code v1} is HMAC-SHA256, keyed
 * with the subscription's secret (its UTF-8 bytes, {@code whsec_} included), of {@code <t>.<body>}. While a rotated
 * secret still signs, the header carries one {@code v1} per secret, the newest first. A receiver recomputes the HMAC
 * with its secret, compares in constant time with any {@code v1}, and refuses a {@code t} more than five minutes old.
 */
final class WebhookSignature {

    static final String HEADER = "Kassa-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret: {@code whsec_} and 32 random bytes, base64url. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String header(long timestamp, String body, List<String> secrets) {
        return "t=" + timestamp + ","
                + secrets.stream()
                        .map(s -> "v1=" + hmac(s, timestamp + "." + body))
                        .collect(Collectors.joining(","));
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
