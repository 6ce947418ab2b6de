package dev.kassa.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each access token once per process: a till sends the same token with every scan, and checking its RS256
 * signature (and turning the JWK into a key) was the largest single cost of a request in the profile. A token is
 * reused for as long as the validator would accept it, until its expiry plus {@link KassaClaims#CLOCK_SKEW} (its last
 * minute was verified again on every request until issue 41); revocation is checked per request elsewhere ({@link Revocations}), so caching the signature
 * check changes nothing about who is let in. Refused tokens are never cached.
 */
public class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_TOKENS = 20_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt != null
                && jwt.getExpiresAt() != null
                && jwt.getExpiresAt().plus(KassaClaims.CLOCK_SKEW).isAfter(clock.instant())) {
            return jwt;
        }
        if (jwt != null) {
            verified.remove(token);
        }
        Jwt fresh = delegate.decode(token);
        if (fresh.getExpiresAt() != null) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, fresh);
        }
        return fresh;
    }
}
