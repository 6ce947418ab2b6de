package dev.kassa.auth.token;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * The stored signing keys ({@code signing_keys}, outside any store): Base64 of the PKCS#8 private key, sealed by
 * {@link KeyEncryption} where a key is configured, and of the X.509 public key.
 */
@Repository
class SigningKeyRepository {

    record StoredKey(String kid, String privateKey, String publicKey) {}

    private final JdbcClient sql;

    SigningKeyRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Holds a transaction-level advisory lock until the caller's transaction ends. */
    void lock(long key) {
        sql.sql("select pg_advisory_xact_lock(:key)")
                .param("key", key)
                .query((rs, i) -> 1)
                .list();
    }

    boolean anyActive() {
        return sql.sql("select exists (select 1 from signing_keys where active)")
                .query(Boolean.class)
                .single();
    }

    /** Stores a new key unless one with its kid exists. */
    void add(StoredKey key) {
        sql.sql(
                        "insert into signing_keys (kid, private_key, public_key) values (:kid, :private, :public) on conflict do nothing")
                .param("kid", key.kid())
                .param("private", key.privateKey())
                .param("public", key.publicKey())
                .update();
    }

    /** Every stored key whose private part is not sealed yet (stored before encryption was configured). */
    List<StoredKey> unsealed() {
        return sql.sql("select kid, private_key, public_key from signing_keys where private_key not like :sealed")
                .param("sealed", KeyEncryption.PREFIX + "%")
                .query((rs, i) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Stores the private part of a key as {@link KeyEncryption} sealed it. */
    void sealPrivate(String kid, String sealed) {
        sql.sql("update signing_keys set private_key = :sealed where kid = :kid")
                .param("sealed", sealed)
                .param("kid", kid)
                .update();
    }

    /** The active keys, newest first. */
    List<StoredKey> active() {
        return sql.sql("select kid, private_key, public_key from signing_keys where active order by created_at desc")
                .query((rs, i) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
