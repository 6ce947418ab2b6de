package dev.kassa.gateway;

import dev.kassa.platform.security.VerifiedTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * The gateway verifies each access token's RS256 signature once, then answers it from {@link VerifiedTokens} for as long
 * as the validator would accept it (a till sends the same token with every scan). Refused tokens are never cached;
 * revocations are checked by the services on every request.
 */
class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final VerifiedTokens<Jwt> verified;

    CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens<>(Jwt::getExpiresAt, clock);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt jwt = verified.get(token);
        return jwt != null ? Mono.just(jwt) : delegate.decode(token).map(fresh -> verified.put(token, fresh));
    }
}
