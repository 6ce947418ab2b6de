package dev.kassa.platform.web;

import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.PlatformErrors;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** The live streams of an instance: a bound per store, and nothing kept of a stream that ended. */
class LiveStreamsTests {

    private final TaskScheduler scheduler = mock(TaskScheduler.class);
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final LiveStreams streams =
            new LiveStreams(scheduler, 3, (store, token) -> revoked.contains(store + "/" + token.getSubject()));

    static Jwt token(long user) {
        return Jwt.withTokenValue("token-" + user)
                .header("alg", "RS256")
                .subject(String.valueOf(user))
                .issuedAt(Instant.now().minusSeconds(5))
                .expiresAt(Instant.now().plusSeconds(600))
                .build();
    }

    @Test
    void aStoreHasAtMostItsLimitOfStreamsWhateverTheirChannelsAndOtherStoresTheirOwn() {
        streams.open("a", "a/kitchen", token(1));
        streams.open("a", "a/bar", token(1));
        streams.open("a", "a/*", token(2));
        assertThatThrownBy(() -> streams.open("a", "a/grill", token(3)))
                .isInstanceOfSatisfying(KassaException.class, e -> {
                    assertThat(e.is(PlatformErrors.TOO_MANY_STREAMS)).isTrue();
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.code()).isEqualTo("too_many_streams");
                });
        assertThat(streams.watched("a/grill"))
                .as("a refused stream joins no channel")
                .isFalse();
        streams.open("b", "b/kitchen", token(1));
        assertThat(streams.open("a")).isEqualTo(3);
        assertThat(streams.open()).isEqualTo(4);
    }

    @Test
    void theStreamsOfARevokedTokenEndAtTheNextCheckAndFreeTheirPlaces() {
        streams.open("a", "a/kitchen", token(1));
        streams.open("a", "a/kitchen", token(2));
        streams.open("a", "a/bar", token(1));
        revoked.add("a/1");
        revocationCheck().run();
        assertThat(streams.open("a")).isEqualTo(1);
        assertThat(streams.watched("a/bar"))
                .as("a channel left without streams is forgotten")
                .isFalse();
        assertThat(streams.watched("a/kitchen"))
                .as("another employee's stream stays")
                .isTrue();
        streams.open("a", "a/bar", token(3));
        streams.open("a", "a/bar", token(4));
        assertThat(streams.open("a")).isEqualTo(3);
    }

    @Test
    void aStreamEndsWhenItsTokenExpiresAndKeepsNothing() {
        streams.open("a", "a/kitchen", token(1));
        ArgumentCaptor<Runnable> expiry = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).schedule(expiry.capture(), any(Instant.class));
        expiry.getValue().run();
        assertThat(streams.open()).isZero();
        assertThat(streams.watched("a/kitchen")).isFalse();
    }

    @Test
    void anInstanceThatStopsEndsEveryStreamSoThatItsGracefulShutdownWaitsForNone() {
        streams.open("a", "a/kitchen", token(1));
        streams.open("b", "b/bar", token(2));
        streams.close();
        assertThat(streams.open()).isZero();
        assertThat(streams.watched("a/kitchen")).isFalse();
        assertThat(streams.watched("b/bar")).isFalse();
    }

    private Runnable revocationCheck() {
        ArgumentCaptor<Runnable> check = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).scheduleWithFixedDelay(check.capture(), eq(LiveStreams.REVOCATION_CHECK));
        return check.getValue();
    }
}
