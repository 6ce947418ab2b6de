package dev.kassa.platform.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTokensTests {

    static final String SECRET = "a-secret-of-the-suite-0123456789";
    final Clock now = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    final ServiceTokens gateway = new ServiceTokens(SECRET, "gateway", now);

    @Test
    void aComponentWithTheSharedSecretIsBelievedWithTheClientItNames() {
        ServiceTokens auth = new ServiceTokens(SECRET, "auth-service", now);
        var call = auth.verify(gateway.issue("198.51.100.7")).orElseThrow();
        assertThat(call.service()).isEqualTo("gateway");
        assertThat(call.clientAddress()).hasValue("198.51.100.7");
        assertThat(auth.verify(gateway.issue()).orElseThrow().clientAddress()).isEmpty();
    }

    @Test
    void anotherSecretAnEditedTokenAnExpiredOneOrAUserTokenAreRefused() {
        ServiceTokens stranger = new ServiceTokens("another-secret-0123456789abcdef", "gateway", now);
        assertThat(gateway.verify(stranger.issue("1.2.3.4"))).isEmpty();
        String token = gateway.issue("1.2.3.4");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace("1.2.3.4", "9.9.9.9")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(gateway.verify(forged)).isEmpty();
        ServiceTokens later = new ServiceTokens(SECRET, "auth-service", Clock.offset(now, Duration.ofSeconds(61)));
        assertThat(later.verify(token)).isEmpty();
        assertThat(gateway.verify("eyJhbGciOiJub25lIn0.eyJpc3MiOiJrYXNzYS1pbnRlcm5hbCIsInNjb3BlIjoiaW50ZXJuYWwifQ."))
                .isEmpty();
        assertThat(gateway.verify("not a token")).isEmpty();
        assertThat(gateway.verify(null)).isEmpty();
    }

    @Test
    void aTokenVerifiedOnceIsBelievedUntilItExpiresAndNotAfter() {
        AtomicReference<Instant> at = new AtomicReference<>(now.instant());
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return at.get();
            }
        };
        ServiceTokens sales = new ServiceTokens(SECRET, "sales-service", moving);
        String token = gateway.issue("198.51.100.9");
        assertThat(sales.verify(token).orElseThrow().clientAddress()).hasValue("198.51.100.9");
        at.set(now.instant().plusSeconds(ServiceTokens.LIFETIME_SECONDS));
        assertThat(sales.verify(token).orElseThrow().service()).isEqualTo("gateway");
        at.set(now.instant().plusSeconds(ServiceTokens.LIFETIME_SECONDS + 1));
        assertThat(sales.verify(token)).isEmpty();
        assertThat(sales.verify(token)).isEmpty();
        // a refused token is never remembered as believed
        ServiceTokens stranger = new ServiceTokens("another-secret-0123456789abcdef", "gateway", moving);
        String forged = stranger.issue("1.2.3.4");
        assertThat(sales.verify(forged)).isEmpty();
        assertThat(sales.verify(forged)).isEmpty();
    }

    @Test
    void tokensAreReusedWhileMostOfTheirLifeIsLeft() {
        assertThat(gateway.issue("1.2.3.4")).isSameAs(gateway.issue("1.2.3.4"));
        assertThat(gateway.issue("1.2.3.4")).isNotEqualTo(gateway.issue("1.2.3.5"));
    }
}
