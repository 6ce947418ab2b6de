package dev.kassa.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kassa.platform.security.KassaClaims;
import dev.kassa.platform.security.ServiceTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** Access tokens for service tests, signed like auth-service's (RS256, same claims) with a test key. */
public final class TestTokens {
    private TestTokens() {}

    private static final KeyPair KEYS = generate();
    /** The service secret every service under test is given ({@code kassa.security.service-secret}). */
    public static final String SERVICE_SECRET = "kassa-test-service-secret-0123456789";

    public static final ServiceTokens SERVICES = new ServiceTokens(SERVICE_SECRET, "test", Clock.systemUTC());

    public static String token(long userId, String username, Map<String, String> stores) {
        return sign(userId, username, stores, Instant.now().plusSeconds(900), KEYS);
    }

    /**
     * An app's token (client credentials, issue 38) for one store with these scopes, as auth issues it: the subject the app's
     * id negated, the store's role {@code app}.
     */
    public static String app(long appId, String store, String... scopes) {
        return sign(
                -appId,
                "app:test",
                Map.of(store, KassaClaims.APP_ROLE),
                Instant.now().plusSeconds(900),
                KEYS,
                Map.of(KassaClaims.APP, "app_test_" + appId, KassaClaims.SCOPE, String.join(" ", scopes)));
    }

    /** A token that expires at {@code expires} (a stream that must end with its token). */
    public static String expiring(long userId, String username, Map<String, String> stores, Instant expires) {
        return sign(userId, username, stores, expires, KEYS);
    }

    public static String expired(long userId, Map<String, String> stores) {
        return sign(userId, "u" + userId, stores, Instant.now().minusSeconds(60), KEYS);
    }

    /** A token as a decoder hands it on once verified (Kassa's issuer, issued 15 minutes before it expires). */
    public static Jwt decoded(String value, long userId, Instant expires) {
        return Jwt.withTokenValue(value)
                .header("alg", "RS256")
                .issuer(KassaClaims.ISSUER)
                .subject(String.valueOf(userId))
                .issuedAt(expires.minusSeconds(900))
                .expiresAt(expires)
                .build();
    }

    /** Signed with a key the services do not trust. */
    public static String forged(long userId, Map<String, String> stores) {
        return sign(userId, "u" + userId, stores, Instant.now().plusSeconds(900), generate());
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    public static JwtDecoder decoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    private static String sign(
            long userId, String username, Map<String, String> stores, Instant expires, KeyPair keys) {
        return sign(userId, username, stores, expires, keys, Map.of());
    }

    private static String sign(
            long userId,
            String username,
            Map<String, String> stores,
            Instant expires,
            KeyPair keys,
            Map<String, Object> extra) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
            extra.forEach(builder::claim);
            JWTClaimsSet claims = builder.subject(Long.toString(userId))
                    .issuer(KassaClaims.ISSUER)
                    .claim(KassaClaims.USERNAME, username)
                    .claim(KassaClaims.STORES, stores)
                    .issueTime(new Date())
                    .claim(KassaClaims.ISSUED_AT_MS, System.currentTimeMillis())
                    .expirationTime(Date.from(expires))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
