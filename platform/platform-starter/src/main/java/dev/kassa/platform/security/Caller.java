package dev.kassa.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the token's user and, on store paths, the store and the caller's role in it; for work that reaches
 * other stores, the caller's role in each of them ({@link #roleIn}, {@link #storesWhere}), revocations applied.
 * Declare it as a controller method parameter.
 *
 * @param tenantKey null on paths that are not about one store
 * @param role      null on paths that are not about one store
 * @param stores    the caller's roles in the stores its token names ({@link CallerStores#none()} without a token)
 */
public record Caller(long userId, String username, String tenantKey, Role role, CallerStores stores) {

    public Caller {
        stores = stores == null ? CallerStores.none() : stores;
    }

    /** A caller with no role in any other store (a test, a job). */
    public Caller(long userId, String username, String tenantKey, Role role) {
        this(userId, username, tenantKey, role, CallerStores.none());
    }

    /** An owner or a manager of the store: who may act on anyone's work there (approve, edit, cancel, withdraw). */
    public boolean managesStore() {
        return role == Role.OWNER || role == Role.MANAGER;
    }

    /**
     * The caller's role in {@code store} (any store its token names, not only this request's) as that store's own
     * requests would find it: none when it names no role there or a revocation there came after the token was issued.
     */
    public Optional<Role> roleIn(String store) {
        return stores.roleIn(store);
    }

    /** The stores where the caller holds one of {@code roles} now (revocations applied), by key. */
    public List<String> storesWhere(Set<Role> roles) {
        return stores.where(roles);
    }
}
