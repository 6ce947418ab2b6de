package dev.kassa.auth.token;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens, stored by the SHA-256 of their value and grouped in families (one per login). */
@Repository
class RefreshTokenRepository {

    /** A stored refresh token as its rotation reads it. */
    record RefreshToken(
            long id, long userId, UUID family, Instant expiresAt, Instant usedAt, Instant revokedAt, Long storeId) {}

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String hash, long userId, UUID family, Instant expiresAt, Long storeId) {
        jdbc.sql(
                        """
                        insert into refresh_tokens (token_hash, user_id, family, expires_at, store_id)
                        values (:hash, :user, :family, :expires, :store)""")
                .param("hash", hash)
                .param("user", userId)
                .param("family", family)
                .param("expires", Timestamp.from(expiresAt))
                .param("store", storeId)
                .update();
    }

    /** The token with this hash, its row locked until the transaction ends (two rotations of one token run one after the other). */
    Optional<RefreshToken> lock(String hash) {
        return jdbc.sql(
                        """
                        select id, user_id, family, expires_at, used_at, revoked_at, store_id
                          from refresh_tokens where token_hash = :hash for update""")
                .param("hash", hash)
                .query((rs, i) -> new RefreshToken(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        rs.getObject(7, Long.class)))
                .optional();
    }

    void markUsed(long id) {
        jdbc.sql("update refresh_tokens set used_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    void revokeFamily(UUID family) {
        jdbc.sql("update refresh_tokens set revoked_at = now() where family = :family and revoked_at is null")
                .param("family", family)
                .update();
    }

    /** Revokes the family of the token with this hash; an unknown hash changes nothing. */
    void revokeFamilyOf(String hash) {
        jdbc.sql(
                        """
                        update refresh_tokens set revoked_at = now()
                         where family = (select family from refresh_tokens where token_hash = :hash) and revoked_at is null""")
                .param("hash", hash)
                .update();
    }

    void revokeAllOf(long userId) {
        jdbc.sql("update refresh_tokens set revoked_at = now() where user_id = :user and revoked_at is null")
                .param("user", userId)
                .update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
