package dev.kassa.platform.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that must stop working before they expire (brief §4): after a role change, a deactivation or a closed
 * store, tokens issued earlier are refused for that store. Kept in {@code public.kassa_revocation} (so every
 * instance and restart agrees) and read through a short cache, so a revocation bites within seconds. The cache holds a
 * store's every revocation (a row per employee whose role or status changed, and one store-wide) read in one statement:
 * a hundred tills of a store cost one read per cache period instead of one per cashier.
 */
public class Revocations {

    /** A store's revocations by user (0: the whole store), as read at {@code loadedAt}. */
    private record Cached(Map<Long, Instant> notBefore, Instant loadedAt) {}

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
        cache.remove(tenantKey);
    }

    /** Whether a token issued at {@code issuedAt} for the store and user was revoked since ({@link RevocationCheck}). */
    public boolean isRevoked(String tenantKey, long userId, Instant issuedAt, boolean precise) {
        if (issuedAt == null) {
            return false;
        }
        return RevocationCheck.revoked(revocationsOf(tenantKey), userId, new RevocationCheck.Issued(issuedAt, precise));
    }

    /**
     * Whether the token was revoked for the store since it was issued, by the rule requests are refused by: asked again
     * and again while a live stream of the token stays open ({@code web.LiveStreams} ends the stream then).
     */
    public boolean isRevoked(String tenantKey, Jwt token) {
        RevocationCheck.Issued issued = RevocationCheck.Issued.of(token.getClaims(), token.getIssuedAt());
        long userId;
        try {
            userId = Long.parseLong(token.getSubject());
        } catch (NumberFormatException e) {
            userId = -1;
        }
        return isRevoked(tenantKey, userId, issued.at(), issued.precise());
    }

    /** A revocation: tokens of the user (0: everyone) for the store issued before {@code notBefore} are void. */
    public record Revoked(String tenantKey, long userId, Instant notBefore) {}

    /** Every revocation made in the last {@code window} (a token older than that has expired anyway). */
    public List<Revoked> since(Duration window) {
        return jdbc.query(
                "select tenant_key, user_id, not_before from public.kassa_revocation where not_before > ?",
                (rs, i) -> new Revoked(
                        rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()),
                Timestamp.from(clock.instant().minus(window)));
    }

    private Map<Long, Instant> revocationsOf(String tenantKey) {
        Instant now = clock.instant();
        Cached cached = cache.get(tenantKey);
        if (cached == null || cached.loadedAt().plus(ttl).isBefore(now)) {
            Map<Long, Instant> rows = new HashMap<>();
            jdbc.query(
                    "select user_id, not_before from public.kassa_revocation where tenant_key = ?",
                    rs -> {
                        rows.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    },
                    tenantKey);
            cached = new Cached(Map.copyOf(rows), now);
            if (cache.size() > 100_000) {
                cache.clear();
            }
            cache.put(tenantKey, cached);
        }
        return cached.notBefore();
    }
}
