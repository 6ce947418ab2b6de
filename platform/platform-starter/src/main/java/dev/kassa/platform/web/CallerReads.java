package dev.kassa.platform.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

/**
 * Answers of what a client reads again on every screen about its caller (who they are, their stores): the caller's own
 * browser may keep one for {@link #MAX_AGE} before asking again ({@code Cache-Control: private}, never a shared cache),
 * for that caller's token, store and language only ({@code Vary}); asked again, the service's ETag filter
 * ({@code kassa.web.etag-paths}) answers 304 to an unchanged {@code If-None-Match}. What changes them (a new role, a
 * deactivation) revokes the token, which the gateway refuses within seconds whatever a browser kept.
 */
public final class CallerReads {

    /** How long a browser keeps such an answer: a screen's burst of reads is one call, an edit shows within seconds. */
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private static final CacheControl CACHE = CacheControl.maxAge(MAX_AGE).cachePrivate();

    private CallerReads() {}

    /** The body, to be kept by the caller's browser for a few seconds. */
    public static <T> ResponseEntity<T> kept(T body) {
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .varyBy("Authorization", "X-Tenant-Key", "Accept-Language")
                .body(body);
    }
}
