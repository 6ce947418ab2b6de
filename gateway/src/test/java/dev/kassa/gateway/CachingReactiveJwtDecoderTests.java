package dev.kassa.gateway;

import dev.kassa.platform.security.KassaClaims;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachingReactiveJwtDecoderTests {

    private static final Instant ISSUED = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant EXPIRES = ISSUED.plusSeconds(900);

    private static Jwt jwt(Instant expires) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(KassaClaims.ISSUER)
                .subject("1")
                .issuedAt(expires.minusSeconds(900))
                .expiresAt(expires)
                .build();
    }

    private Instant now = ISSUED;

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aTokenIsVerifiedOnceForAsLongAsTheValidatorAcceptsIt() {
        AtomicInteger verified = new AtomicInteger();
        ReactiveJwtDecoder signatureCheck = token -> {
            verified.incrementAndGet();
            return Mono.just(jwt(EXPIRES));
        };
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(signatureCheck, clock);

        decoder.decode("t").block();
        now = EXPIRES.minusSeconds(1);
        decoder.decode("t").block();
        now = EXPIRES.plus(CachingReactiveJwtDecoder.CLOCK_SKEW).minusSeconds(1);
        decoder.decode("t").block();
        assertThat(verified)
                .as("its last minute, past the expiry but within the skew, comes from the cache")
                .hasValue(1);

        now = EXPIRES.plus(CachingReactiveJwtDecoder.CLOCK_SKEW);
        decoder.decode("t").block();
        assertThat(verified).as("after it, the signature check decides again").hasValue(2);
    }

    @Test
    void theSkewIsTheOneTheDefaultValidatorAllows() {
        var validator = JwtValidators.createDefaultWithIssuer(KassaClaims.ISSUER);
        Instant validatorNow = Instant.now();
        assertThat(validator
                        .validate(jwt(validatorNow
                                .minus(CachingReactiveJwtDecoder.CLOCK_SKEW)
                                .plusSeconds(5)))
                        .hasErrors())
                .isFalse();
        assertThat(validator
                        .validate(jwt(validatorNow
                                .minus(CachingReactiveJwtDecoder.CLOCK_SKEW)
                                .minusSeconds(5)))
                        .hasErrors())
                .isTrue();
    }
}
