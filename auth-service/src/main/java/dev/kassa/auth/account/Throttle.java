package dev.kassa.auth.account;

import dev.kassa.platform.security.SecurityEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Brute-force protection for passwords and PINs, kept in the database so every auth instance agrees:
 * {@code limit} failures of a key within {@code window} lock it for {@code lock}; while locked, even correct
 * credentials are refused with {@code status} and {@code Retry-After}. A success clears the key.
 */
@Component
public class Throttle {

    /** How strict one kind of key is. */
    public record Rule(String prefix, int limit, Duration window, Duration lock, dev.kassa.platform.error.KassaError error, String event) { }

    private final JdbcTemplate jdbc;
    private final SecurityEvents events;

    Throttle(JdbcTemplate jdbc, SecurityEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Refuses while any of the keys is locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public void check(Rule rule, String... subjects) {
        for (String subject : subjects) {
            List<Timestamp> locked = jdbc.queryForList("select locked_until from login_throttle where throttle_key = ? and locked_until > now()",
                    Timestamp.class, key(rule, subject));
            if (!locked.isEmpty()) {
                long seconds = Math.max(1, Duration.between(Instant.now(), locked.get(0).toInstant()).toSeconds() + 1);
                throw rule.error().exception(Map.of("retry_after", seconds), seconds);
            }
        }
    }

    /** Counts a failure (in its own transaction, so it sticks even though the request fails); locks at the limit. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Rule rule, String subject) {
        String key = key(rule, subject);
        Integer failures = jdbc.queryForObject("""
                insert into login_throttle (throttle_key, failures, window_start) values (?, 1, now())
                on conflict (throttle_key) do update set
                    failures = case when login_throttle.window_start < now() - make_interval(secs => ?) then 1 else login_throttle.failures + 1 end,
                    window_start = case when login_throttle.window_start < now() - make_interval(secs => ?) then now() else login_throttle.window_start end
                returning failures
                """, Integer.class, key, rule.window().toSeconds(), rule.window().toSeconds());
        if (failures != null && failures >= rule.limit()) {
            jdbc.update("update login_throttle set locked_until = now() + make_interval(secs => ?), failures = 0, window_start = now() where throttle_key = ?",
                    rule.lock().toSeconds(), key);
            events.record(rule.event(), subject, "locked for " + rule.lock().toSeconds() + " s after " + failures + " failures");
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(Rule rule, String subject) {
        jdbc.update("delete from login_throttle where throttle_key = ?", key(rule, subject));
    }

    private static String key(Rule rule, String subject) {
        return rule.prefix() + ":" + subject;
    }
}
