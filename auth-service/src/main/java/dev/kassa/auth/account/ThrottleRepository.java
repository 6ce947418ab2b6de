package dev.kassa.auth.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The failure counts and locks of {@link Throttle}, one row per key ({@code login_throttle}). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ThrottleRepository {

    private final JdbcClient sql;

    ThrottleRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Until when the key is locked, if it is now. */
    Optional<Instant> lockedUntil(String key) {
        return sql.sql("select locked_until from login_throttle where throttle_key = :key and locked_until > now()")
                .param("key", key)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** Counts one failure of the key, starting a new window when the last one is older than {@code window}; the count. */
    int countFailure(String key, Duration window) {
        return sql.sql(
                        """
                        insert into login_throttle (throttle_key, failures, window_start) values (:key, 1, now())
                        on conflict (throttle_key) do update set
                            failures = case when login_throttle.window_start < now() - make_interval(secs => :window) then 1
                                            else login_throttle.failures + 1 end,
                            window_start = case when login_throttle.window_start < now() - make_interval(secs => :window) then now()
                                                else login_throttle.window_start end
                        returning failures
                        """)
                .param("key", key)
                .param("window", window.toSeconds())
                .query(Integer.class)
                .single();
    }

    /** Locks the key for {@code lock} and starts counting again. */
    void lock(String key, Duration lock) {
        sql.sql(
                        "update login_throttle set locked_until = now() + make_interval(secs => :lock), failures = 0, window_start = now() "
                                + "where throttle_key = :key")
                .param("lock", lock.toSeconds())
                .param("key", key)
                .update();
    }

    void clear(String key) {
        sql.sql("delete from login_throttle where throttle_key = :key")
                .param("key", key)
                .update();
    }
}
