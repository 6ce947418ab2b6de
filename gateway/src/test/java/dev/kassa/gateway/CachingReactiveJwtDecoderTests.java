package dev.kassa.gateway;

import dev.kassa.platform.security.KassaClaims;
import dev.kassa.platform.test.MovableClock;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachingReactiveJwtDecoderTests {

    private static final Instant ISSUED = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant EXPIRES = ISSUED.plusSeconds(900);

    private final MovableClock clock = new MovableClock(ISSUED);

    @Test
    void aTokenIsVerifiedOnceForAsLongAsTheValidatorAcceptsIt() {
        AtomicInteger verified = new AtomicInteger();
        ReactiveJwtDecoder signatureCheck = token -> {
            verified.incrementAndGet();
            return Mono.just(TestTokens.decoded(token, 1, EXPIRES));
        };
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(signatureCheck, clock);

        decoder.decode("t").block();
        clock.set(EXPIRES.minusSeconds(1));
        decoder.decode("t").block();
        clock.set(EXPIRES.plus(KassaClaims.CLOCK_SKEW).minusSeconds(1));
        decoder.decode("t").block();
        assertThat(verified)
                .as("its last minute, past the expiry but within the skew, comes from the cache")
                .hasValue(1);

        clock.set(EXPIRES.plus(KassaClaims.CLOCK_SKEW));
        decoder.decode("t").block();
        assertThat(verified).as("after it, the signature check decides again").hasValue(2);
    }
}
