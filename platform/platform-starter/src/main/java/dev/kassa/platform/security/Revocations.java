package dev.kassa.platform.security;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that must stop working before they expire (brief §4): after a role change, a deactivation or a closed
 * store, tokens issued earlier are refused for that store. Kept in {@code public.kassa_revocation} (so every
 * instance and restart agrees) and read through a short cache, so a revocation bites within seconds.
 */
public class Revocations {

    private record Cached(Instant notBefore, Instant loadedAt) {}

    private static final Instant NEVER = Instant.EPOCH;

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Revocations(JdbcTemplate jdbc, Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Records that tokens of {@code userId} (null: everyone) for the store issued before {@code at} are void. */
    public void revoke(String tenantKey, Long userId, Instant at) {
        jdbc.update(
                """
                insert into public.kassa_revocation (tenant_key, user_id, not_before) values (?, ?, ?)
                on conflict (tenant_key, user_id) do update set not_before = greatest(kassa_revocation.not_before, excluded.not_before)
                """,
                tenantKey,
                userId == null ? 0L : userId,
                Timestamp.from(at));
        cache.remove(tenantKey + ":" + (userId == null ? 0L : userId));
    }

    /**
     * Whether a token issued at {@code issuedAt} for the store and user was revoked since. With only whole
     * seconds known ({@code precise} false), a token issued in the second of the change counts as issued after it.
     */
    public boolean isRevoked(String tenantKey, long userId, Instant issuedAt, boolean precise) {
        if (issuedAt == null) {
            return false;
        }
        Instant notBefore = notBefore(tenantKey, userId);
        Instant storeWide = notBefore(tenantKey, 0L);
        if (!precise) {
            notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
            storeWide = storeWide.truncatedTo(ChronoUnit.SECONDS);
        }
        return issuedAt.isBefore(notBefore) || issuedAt.isBefore(storeWide);
    }

    private Instant notBefore(String tenantKey, long userId) {
        String key = tenantKey + ":" + userId;
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached == null || cached.loadedAt().plus(ttl).isBefore(now)) {
            List<Timestamp> rows = jdbc.queryForList(
                    "select not_before from public.kassa_revocation where tenant_key = ? and user_id = ?",
                    Timestamp.class,
                    tenantKey,
                    userId);
            cached = new Cached(rows.isEmpty() ? NEVER : rows.get(0).toInstant(), now);
            if (cache.size() > 100_000) {
                cache.clear();
            }
            cache.put(key, cached);
        }
        return cached.notBefore();
    }
}
