package dev.kassa.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials of Kassa's own components towards each other (brief §4, hardening): a short-lived HS256 JWT with the
 * issuer {@value #ISSUER} and the scope {@value #SCOPE}, signed with the secret every component shares
 * ({@code KASSA_SERVICE_SECRET}). User tokens are RS256 tokens of auth-service and never carry this issuer or scope, so a
 * till's token can never pass for a service. The gateway's token also names the client's address as the gateway saw it
 * ({@code client_ip}), the only client address the services believe.
 * <p>Tokens are reused while more than half of their minute is left, so signing costs nothing per request; a token
 * verified once is believed from memory until it expires, so checking one costs a map lookup on every request after the
 * first (the gateway sends the same token for each client for half a minute).
 */
public final class ServiceTokens {

    public static final String HEADER = "X-Kassa-Service-Token";
    public static final String ISSUER = "kassa-internal";
    public static final String SCOPE = "internal";
    static final long LIFETIME_SECONDS = 60;
    private static final String NO_CLIENT = "";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER_PART =
            B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    /** A verified service call: which component sent it and, from the gateway, the client's address. */
    public record ServiceCall(String service, Optional<String> clientAddress) {}

    private record Issued(String token, long expiresAt) {}

    private record Verified(ServiceCall call, long expiresAt) {}

    static final int MAX_REMEMBERED = 50_000;

    private final SecretKeySpec key;
    private final String service;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public ServiceTokens(String secret, String service, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the service secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.service = service;
        this.clock = clock;
    }

    /** A random secret for a component started without one: it then trusts no other process (and says so in its log). */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** This component's token for a call to another service. */
    public String issue() {
        return issue(null);
    }

    /** This component's token carrying the client's address (the gateway, for every request it forwards). */
    public String issue(String clientAddress) {
        String client = clientAddress == null ? NO_CLIENT : clientAddress;
        long now = clock.millis() / 1000;
        Issued current = issued.get(client);
        if (current == null || current.expiresAt() - now < LIFETIME_SECONDS / 2) {
            if (issued.size() > MAX_REMEMBERED) {
                issued.clear();
            }
            current = new Issued(sign(client, now), now + LIFETIME_SECONDS);
            issued.put(client, current);
        }
        return current.token();
    }

    /** The call's sender, when the token is one of ours, unexpired and signed with the shared secret. */
    public Optional<ServiceCall> verify(String token) {
        if (token == null || token.length() > 2048) {
            return Optional.empty();
        }
        Verified known = verified.get(token);
        if (known != null) {
            if (known.expiresAt() >= clock.millis() / 1000) {
                return Optional.of(known.call());
            }
            verified.remove(token);
            return Optional.empty();
        }
        Optional<Verified> checked = check(token);
        checked.ifPresent(v -> {
            if (verified.size() > MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, v);
        });
        return checked.map(Verified::call);
    }

    private Optional<Verified> check(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !HEADER_PART.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] expected = mac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = json.readTree(B64D.decode(parts[1]));
            long now = clock.millis() / 1000;
            if (!ISSUER.equals(claims.path("iss").asText())
                    || !SCOPE.equals(claims.path("scope").asText())
                    || claims.path("exp").asLong(0) < now
                    || claims.path("iat").asLong(Long.MAX_VALUE) > now + 30) {
                return Optional.empty();
            }
            String client = claims.path("client_ip").asText("");
            return Optional.of(new Verified(
                    new ServiceCall(
                            claims.path("sub").asText(), client.isEmpty() ? Optional.empty() : Optional.of(client)),
                    claims.path("exp").asLong()));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private String sign(String client, long now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", service);
        claims.put("scope", SCOPE);
        claims.put("iat", now);
        claims.put("exp", now + LIFETIME_SECONDS);
        if (!client.isEmpty()) {
            claims.put("client_ip", client);
        }
        try {
            String payload = B64.encodeToString(json.writeValueAsBytes(claims));
            String signingInput = HEADER_PART + "." + payload;
            return signingInput + "." + B64.encodeToString(mac(signingInput));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
