package dev.kassa.auth.app;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code apps} table (its one writer). */
@Repository
class AppRepository {

    /** An app as stored, with its store's tenant key and whether the store is active. */
    record App(
            long id,
            long storeId,
            String tenantKey,
            boolean storeActive,
            String name,
            String clientId,
            String secretHash,
            List<String> scopes,
            Instant createdAt,
            Instant rotatedAt,
            Instant revokedAt,
            Instant lastUsedAt) {}

    private static final String SELECT =
            """
            select a.*, s.tenant_key, s.is_active as store_active from apps a join stores s on s.id = a.store_id
            """;

    private final JdbcClient sql;

    AppRepository(JdbcClient sql) {
        this.sql = sql;
    }

    long insert(long storeId, String name, String clientId, String secretHash, List<String> scopes, long createdBy) {
        return sql.sql(
                        """
                        insert into apps (store_id, name, client_id, secret_hash, scopes, created_by)
                        values (:store, :name, :client, :hash, cast(:scopes as text[]), :by) returning id
                        """)
                .param("store", storeId)
                .param("name", name)
                .param("client", clientId)
                .param("hash", secretHash)
                .param("scopes", "{" + String.join(",", scopes) + "}")
                .param("by", createdBy)
                .query(Long.class)
                .single();
    }

    /** The store's apps that are not revoked, newest first. */
    List<App> ofStore(long storeId) {
        return sql.sql(SELECT + " where a.store_id = :store and a.revoked_at is null order by a.id desc")
                .param("store", storeId)
                .query(AppRepository::app)
                .list();
    }

    Optional<App> find(long storeId, long id) {
        return sql.sql(SELECT + " where a.store_id = :store and a.id = :id and a.revoked_at is null")
                .param("store", storeId)
                .param("id", id)
                .query(AppRepository::app)
                .optional();
    }

    Optional<App> byClientId(String clientId) {
        return sql.sql(SELECT + " where a.client_id = :client")
                .param("client", clientId)
                .query(AppRepository::app)
                .optional();
    }

    void rotate(long id, String secretHash) {
        sql.sql("update apps set secret_hash = :hash, rotated_at = now() where id = :id")
                .param("hash", secretHash)
                .param("id", id)
                .update();
    }

    void revoke(long id) {
        sql.sql("update apps set revoked_at = now() where id = :id and revoked_at is null")
                .param("id", id)
                .update();
    }

    /**
     * Records the app's use by a token request that checked {@code secretHash}, only while that is still its secret and it
     * is not revoked: the row's lock orders it against a rotation or a revocation, so a request that read the app before
     * one committed is refused (false) instead of getting a token signed after it.
     */
    boolean used(long id, String secretHash) {
        return sql.sql(
                                "update apps set last_used_at = now() where id = :id and secret_hash = :hash and revoked_at is null")
                        .param("id", id)
                        .param("hash", secretHash)
                        .update()
                == 1;
    }

    private static App app(ResultSet rs, int row) throws SQLException {
        Array scopes = rs.getArray("scopes");
        return new App(
                rs.getLong("id"),
                rs.getLong("store_id"),
                rs.getString("tenant_key"),
                rs.getBoolean("store_active"),
                rs.getString("name"),
                rs.getString("client_id"),
                rs.getString("secret_hash"),
                Arrays.asList((String[]) scopes.getArray()),
                instant(rs, "created_at"),
                instant(rs, "rotated_at"),
                instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
