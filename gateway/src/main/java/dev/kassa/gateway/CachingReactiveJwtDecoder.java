package dev.kassa.gateway;

import dev.kassa.platform.security.KassaClaims;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway verifies each access token's RS256 signature once, then reuses the result for as long as the validator
 * would accept the token: until its expiry plus the validator's clock skew (a till sends the same token with every scan;
 * the signature check was the gateway's largest cost per request, and until issue 41 a token's last minute, past its
 * expiry but inside the skew, was verified again on every call: 9.5 KB and an RSA check each). Refused tokens are never
 * cached; revocations are checked by the services on every request.
 */
class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    static final int MAX_TOKENS = 20_000;

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt jwt = verified.get(token);
        if (jwt != null
                && jwt.getExpiresAt() != null
                && jwt.getExpiresAt().plus(KassaClaims.CLOCK_SKEW).isAfter(clock.instant())) {
            return Mono.just(jwt);
        }
        if (jwt != null) {
            verified.remove(token);
        }
        return delegate.decode(token).doOnNext(fresh -> {
            if (fresh.getExpiresAt() != null) {
                if (verified.size() >= MAX_TOKENS) {
                    verified.clear();
                }
                verified.put(token, fresh);
            }
        });
    }
}
