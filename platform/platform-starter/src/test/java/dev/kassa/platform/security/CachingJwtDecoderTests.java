package dev.kassa.platform.security;

import dev.kassa.platform.test.MovableClock;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTests {

    final Instant now = Instant.parse("2026-11-22T10:00:00Z");
    final AtomicInteger verifications = new AtomicInteger();
    final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("7")
                .issuedAt(now.minusSeconds(60))
                .expiresAt(now.plus(Duration.ofMinutes(token.startsWith("short") ? 1 : 15)))
                .build();
    };

    @Test
    void aTillsTokenIsVerifiedOnceUntilItExpires() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(now, ZoneOffset.UTC));
        for (int i = 0; i < 100; i++) {
            assertThat(decoder.decode("till-token").getSubject()).isEqualTo("7");
        }
        assertThat(verifications.get()).isEqualTo(1);
        decoder.decode("another-till");
        assertThat(verifications.get()).isEqualTo(2);
    }

    @Test
    void aTokensLastMinuteInsideTheValidatorsSkewIsServedFromTheCache() {
        MovableClock clock = new MovableClock(now);
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock);
        decoder.decode("short-token");
        Instant expires = now.plus(Duration.ofMinutes(1));
        clock.set(expires.plus(KassaClaims.CLOCK_SKEW).minusSeconds(1));
        decoder.decode("short-token");
        assertThat(verifications.get()).isEqualTo(1);
        clock.set(expires.plus(KassaClaims.CLOCK_SKEW));
        decoder.decode("short-token");
        assertThat(verifications.get()).isEqualTo(2);
    }

    @Test
    void theCachesSkewIsTheOneTheDefaultValidatorAllows() {
        var validator = JwtValidators.createDefaultWithIssuer(KassaClaims.ISSUER);
        Instant validatorNow = Instant.now();
        assertThat(validator
                        .validate(TestTokens.decoded(
                                "t",
                                7,
                                validatorNow.minus(KassaClaims.CLOCK_SKEW).plusSeconds(5)))
                        .hasErrors())
                .isFalse();
        assertThat(validator
                        .validate(TestTokens.decoded(
                                "t",
                                7,
                                validatorNow.minus(KassaClaims.CLOCK_SKEW).minusSeconds(5)))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndARefusedOneIsNeverRemembered() {
        CachingJwtDecoder early = new CachingJwtDecoder(verifier, Clock.fixed(now, ZoneOffset.UTC));
        early.decode("short-token");
        CachingJwtDecoder later =
                new CachingJwtDecoder(verifier, Clock.fixed(now.plus(Duration.ofMinutes(3)), ZoneOffset.UTC));
        later.decode("short-token");
        later.decode("short-token");
        assertThat(verifications.get())
                .as("a cached token past its expiry and the validator's skew is checked by the verifier again")
                .isEqualTo(3);
        assertThatThrownBy(() -> early.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> early.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications.get()).isEqualTo(5);
    }
}
