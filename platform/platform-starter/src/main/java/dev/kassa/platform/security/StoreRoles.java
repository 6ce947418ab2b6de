package dev.kassa.platform.security;

import dev.kassa.platform.tenancy.TenantKeys;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's role in each store its token names, as a request to that store itself would find it: the token's
 * {@code stores} claim, less every store where a revocation (a changed role, a deactivated employee or store, a changed
 * password) came after the token was issued. For work that reaches stores other than {@code X-Tenant-Key}'s (a transfer
 * to another store, one product's stock in every store, the owner's view of their stores): a role taken away in store B
 * is gone there within seconds, as it is for B's own requests, not when the token expires (issue 84, point 9). A
 * feature asks through its {@link Caller} ({@link Caller#roleIn}, {@link Caller#storesWhere}), never with the token.
 */
public class StoreRoles {

    private final Revocations revocations;

    /** {@code revocations} null: a service without a database, where no token is ever revoked. */
    public StoreRoles(Revocations revocations) {
        this.revocations = revocations;
    }

    /** The token's role in {@code store}: none when it names no role there or was revoked there since it was issued. */
    public Optional<Role> roleIn(Jwt token, String store) {
        if (store == null || !TenantKeys.isValidKey(store)) {
            return Optional.empty();
        }
        Object role = claimed(token).get(store);
        return Optional.ofNullable(role)
                .map(String::valueOf)
                .flatMap(Role::fromCode)
                .filter(r -> !revoked(token, store));
    }

    /** The stores where the token holds one of {@code roles} and was not revoked since, by key. */
    public List<String> storesWhere(Jwt token, Set<Role> roles) {
        return claimed(token).keySet().stream()
                .sorted()
                .filter(key -> roleIn(token, key).filter(roles::contains).isPresent())
                .toList();
    }

    private boolean revoked(Jwt token, String store) {
        return revocations != null && revocations.isRevoked(store, token);
    }

    private static Map<String, Object> claimed(Jwt token) {
        Map<String, Object> stores = token.getClaimAsMap(KassaClaims.STORES);
        return stores == null ? Map.of() : stores;
    }
}
