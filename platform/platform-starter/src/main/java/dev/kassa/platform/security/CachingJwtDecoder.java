package dev.kassa.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;

/**
 * Verifies each access token once per process: a till sends the same token with every scan, and checking its RS256
 * signature (and turning the JWK into a key) was the largest single cost of a request in the profile. A verified token
 * is answered from {@link VerifiedTokens} for as long as the validator would accept it; revocation is checked per
 * request elsewhere ({@link Revocations}), so caching the signature check changes nothing about who is let in. Refused
 * tokens are never cached.
 */
public class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final VerifiedTokens<Jwt> verified;

    public CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens<>(Jwt::getExpiresAt, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        return jwt != null ? jwt : verified.put(token, delegate.decode(token));
    }
}
