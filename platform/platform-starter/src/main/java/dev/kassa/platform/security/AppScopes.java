package dev.kassa.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An app's scopes as authorities of its request ({@code SCOPE_<code>}): written once by {@link TenantMembershipFilter},
 * read here by a feature that narrows what an app sees to its scopes (an app's own webhooks, to the events it may read).
 */
public final class AppScopes {

    private static final String PREFIX = "SCOPE_";

    private AppScopes() {}

    static GrantedAuthority authority(AppScope scope) {
        return new SimpleGrantedAuthority(PREFIX + scope.code());
    }

    /** The scopes of the app calling now (none for an employee, or outside a request). */
    public static Set<AppScope> ofCaller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(PREFIX))
                .map(a -> AppScope.fromCode(a.substring(PREFIX.length())))
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }
}
