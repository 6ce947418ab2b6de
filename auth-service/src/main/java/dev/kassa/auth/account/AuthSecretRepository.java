package dev.kassa.auth.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * auth's own secrets by name ({@code auth_secrets}, shared by every instance). A secret is stored in a transaction of its own:
 * the caller caches it, so it must be committed whatever becomes of the caller's transaction (the first PIN of a deployment
 * used to store it in a request that could still fail, and this instance then hashed with a secret nobody else had).
 */
@Repository
class AuthSecretRepository {

    private final JdbcClient sql;

    AuthSecretRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The secret of {@code name}: {@code candidate} if none was stored yet (the first instance to store one wins). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    String secret(String name, String candidate) {
        sql.sql("insert into auth_secrets (name, secret) values (:name, :secret) on conflict (name) do nothing")
                .param("name", name)
                .param("secret", candidate)
                .update();
        return sql.sql("select secret from auth_secrets where name = :name")
                .param("name", name)
                .query(String.class)
                .single();
    }
}
