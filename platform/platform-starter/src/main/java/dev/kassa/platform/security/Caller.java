package dev.kassa.platform.security;

/**
 * Who is calling: the token's user and, on store paths, the store and the caller's role in it.
 * Declare it as a controller method parameter.
 *
 * @param tenantKey null on paths that are not about one store
 * @param role      null on paths that are not about one store
 */
public record Caller(long userId, String username, String tenantKey, Role role) {

    /** An owner or a manager of the store: who may act on anyone's work there (approve, edit, cancel, withdraw). */
    public boolean managesStore() {
        return role == Role.OWNER || role == Role.MANAGER;
    }
}
