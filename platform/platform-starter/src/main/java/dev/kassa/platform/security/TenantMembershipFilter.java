package dev.kassa.platform.security;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code X-Tenant-Key} for an authenticated caller: the key must be one of the token's
 * {@code stores} (else a neutral 403 {@code not_a_member}, the same whether the store exists or not);
 * the caller's role in that store becomes the request's authorities; the store's schema is made ready.
 */
public class TenantMembershipFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Tenant-Key";
    static final String ROLE_ATTRIBUTE = TenantMembershipFilter.class.getName() + ".role";

    private final AntPathMatcher matcher = new AntPathMatcher();
    private final List<String> tenantPaths;
    private final List<String> tenantlessPaths;
    private final Optional<TenantProvisioner> provisioner;
    private final ZoneId defaultZone;
    private final ErrorResponses errors;
    private final SecurityEvents events;

    private final Revocations revocations;

    public TenantMembershipFilter(
            List<String> tenantPaths,
            List<String> tenantlessPaths,
            Optional<TenantProvisioner> provisioner,
            ZoneId defaultZone,
            ErrorResponses errors,
            SecurityEvents events,
            Revocations revocations) {
        this.revocations = revocations;
        this.tenantPaths = tenantPaths;
        this.tenantlessPaths = tenantlessPaths;
        this.provisioner = provisioner;
        this.defaultZone = defaultZone;
        this.errors = errors;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean storePath = tenantPaths.stream().anyMatch(p -> matcher.match(p, path))
                && tenantlessPaths.stream().noneMatch(p -> matcher.match(p, path));
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        boolean app = token.getToken().hasClaim(KassaClaims.APP);
        if (!storePath) {
            outsideAStore(request, response, chain, token, app, path);
            return;
        }
        String key =
                Optional.ofNullable(request.getHeader(HEADER)).map(String::trim).orElse("");
        if (key.isEmpty()) {
            errors.write(response, PlatformErrors.MISSING_TENANT_KEY);
            return;
        }
        // an employee's role in the store, or an app's scopes in the one store its token names (client credentials)
        Optional<Role> role = TenantKeys.isValidKey(key) && !app ? roleIn(token, key) : Optional.empty();
        boolean member = app
                ? TenantKeys.isValidKey(key)
                        && KassaClaims.APP_ROLE.equals(
                                String.valueOf(storesClaim(token).get(key)))
                : role.isPresent();
        if (!member) {
            events.record("cross_tenant_attempt", token.getName(), key.length() > 100 ? key.substring(0, 100) : key);
            errors.write(response, PlatformErrors.NOT_A_MEMBER);
            return;
        }
        if (revoked(token, key)) {
            refuseRevoked(response, token, key);
            return;
        }
        Tenant tenant = provisioner.map(p -> p.ensureReady(key)).orElseGet(() -> new Tenant(key, null, defaultZone));
        List<GrantedAuthority> authorities = authorities(request, token, key, app, role);
        SecurityContextHolder.getContext()
                .setAuthentication(new JwtAuthenticationToken(token.getToken(), authorities, token.getName()));
        TenantContext.set(tenant);
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }

    /**
     * A route of no one store (the caller's stores, a password change): refused to an app, and to a token revoked in
     * any store it names.
     */
    private void outsideAStore(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            JwtAuthenticationToken token,
            boolean app,
            String path)
            throws ServletException, IOException {
        if (app) {
            // an app acts in its store only: nothing about the employees' accounts or their stores
            events.record("app_refused", token.getName(), path);
            errors.write(response, PlatformErrors.PERMISSION_DENIED);
            return;
        }
        Optional<String> revokedIn = storesOf(token).stream()
                .filter(TenantKeys::isValidKey)
                .filter(k -> revoked(token, k))
                .findFirst();
        if (revokedIn.isPresent()) {
            refuseRevoked(response, token, revokedIn.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The caller's authorities in the store: an app's scopes, or an employee's role and its permissions. */
    private List<GrantedAuthority> authorities(
            HttpServletRequest request, JwtAuthenticationToken token, String key, boolean app, Optional<Role> role) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (app) {
            appAuthorities(token, authorities);
            events.appCall(token.getName(), key, request.getMethod(), request.getRequestURI());
        } else {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.get().code()));
            role.get().permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
            request.setAttribute(ROLE_ATTRIBUTE, role.get());
        }
        return authorities;
    }

    /**
     * An app's authorities (client credentials, issue 38): {@code ROLE_APP}, which {@link Access#MEMBER} refuses, and the
     * permissions of its scopes ({@link AppScope}); it has no role, so {@link Caller#role()} is null. Revoking or rotating
     * the app voids its tokens ({@link Revocations}, by its negated id).
     */
    private static void appAuthorities(JwtAuthenticationToken token, List<GrantedAuthority> authorities) {
        authorities.add(new SimpleGrantedAuthority("ROLE_APP"));
        String scopes = token.getToken().getClaimAsString(KassaClaims.SCOPE);
        for (String code : scopes == null ? new String[0] : scopes.trim().split("\\s+")) {
            AppScope.fromCode(code).ifPresent(scope -> {
                authorities.add(AppScopes.authority(scope));
                scope.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
            });
        }
    }

    /** Whether the caller's role changed, they were deactivated or changed their password, or the store closed after this token was issued. */
    private boolean revoked(JwtAuthenticationToken token, String key) {
        return revocations != null && revocations.isRevoked(key, token.getToken());
    }

    private void refuseRevoked(HttpServletResponse response, JwtAuthenticationToken token, String key)
            throws IOException {
        events.record("revoked_token", token.getName(), key);
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        errors.write(response, PlatformErrors.TOKEN_REVOKED);
    }

    private static Set<String> storesOf(JwtAuthenticationToken token) {
        return storesClaim(token).keySet();
    }

    private static Map<String, Object> storesClaim(JwtAuthenticationToken token) {
        Map<String, Object> stores = token.getToken().getClaimAsMap(KassaClaims.STORES);
        return stores == null ? Map.of() : stores;
    }

    static Optional<Role> roleIn(JwtAuthenticationToken token, String key) {
        return Optional.ofNullable(storesClaim(token).get(key))
                .map(String::valueOf)
                .flatMap(Role::fromCode);
    }
}
