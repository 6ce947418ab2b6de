package dev.kassa.auth.account;

import dev.kassa.platform.error.KassaError;
import dev.kassa.platform.security.SecurityEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Brute-force protection for passwords and PINs, kept in the database so every auth instance agrees:
 * {@code limit} failures of a key within {@code window} lock it for {@code lock}; while locked, even correct
 * credentials are refused with {@code status} and {@code Retry-After}. A success clears the key.
 */
@Component
public class Throttle {

    /** How strict one kind of key is. */
    public record Rule(String prefix, int limit, Duration window, Duration lock, KassaError error, String event) {}

    private final ThrottleRepository keys;
    private final SecurityEvents events;

    Throttle(ThrottleRepository keys, SecurityEvents events) {
        this.keys = keys;
        this.events = events;
    }

    /** Refuses while any of the keys is locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public void check(Rule rule, String... subjects) {
        for (String subject : subjects) {
            Optional<Instant> locked = keys.lockedUntil(key(rule, subject));
            if (locked.isPresent()) {
                long seconds = Math.max(
                        1, Duration.between(Instant.now(), locked.get()).toSeconds() + 1);
                throw rule.error().exception(Map.of("retry_after", seconds), seconds);
            }
        }
    }

    /** Counts a failure (in its own transaction, so it sticks even though the request fails); locks at the limit. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Rule rule, String subject) {
        String key = key(rule, subject);
        int failures = keys.countFailure(key, rule.window());
        if (failures >= rule.limit()) {
            keys.lock(key, rule.lock());
            events.record(
                    rule.event(),
                    subject,
                    "locked for " + rule.lock().toSeconds() + " s after " + failures + " failures");
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(Rule rule, String subject) {
        keys.clear(key(rule, subject));
    }

    private static String key(Rule rule, String subject) {
        return rule.prefix() + ":" + subject;
    }
}
