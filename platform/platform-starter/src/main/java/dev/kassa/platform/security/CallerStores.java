package dev.kassa.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The caller's roles in the stores its token names, as each store's own requests would find them ({@link StoreRoles}: a
 * role taken away there since the token was issued counts as none). A feature asks through {@link Caller#roleIn} and
 * {@link Caller#storesWhere}; the token stays here, in the platform.
 */
public final class CallerStores {

    private static final CallerStores NONE = new CallerStores(null, null);

    private final Supplier<StoreRoles> roles;
    private final Jwt token;

    /** The stores of a validated token, {@code roles} looked up only when one is asked about. */
    CallerStores(Supplier<StoreRoles> roles, Jwt token) {
        this.roles = roles;
        this.token = token;
    }

    /** A caller without a token (a test, a job): a role in no store. */
    public static CallerStores none() {
        return NONE;
    }

    /** The caller's role in {@code store} now: none when the token names no role there or was revoked there since. */
    public Optional<Role> roleIn(String store) {
        return token == null ? Optional.empty() : roles.get().roleIn(token, store);
    }

    /** The stores where the caller holds one of {@code wanted} now, by key. */
    public List<String> where(Set<Role> wanted) {
        return token == null ? List.of() : roles.get().storesWhere(token, wanted);
    }

    @Override
    public String toString() {
        return token == null ? "CallerStores[none]" : "CallerStores[token]";
    }
}
