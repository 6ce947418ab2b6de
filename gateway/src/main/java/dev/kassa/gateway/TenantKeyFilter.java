package dev.kassa.gateway;

import dev.kassa.platform.security.KassaClaims;
import dev.kassa.platform.security.RevocationCheck;
import dev.kassa.platform.tenancy.TenantKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Store routes need {@code X-Tenant-Key} (400 {@code missing_tenant_key}) naming one of the token's stores
 * (else a neutral 403 {@code not_a_member}, whether the store exists or not).
 */
class TenantKeyFilter implements WebFilter {

    private static final Logger security = LoggerFactory.getLogger("kassa.security");

    private final PathPatterns exempt;
    private final ErrorWriter errors;
    private final EdgeRevocations revocations;

    TenantKeyFilter(
            List<String> tenantlessPaths, List<String> publicPaths, ErrorWriter errors, EdgeRevocations revocations) {
        List<String> exempt = new ArrayList<>(publicPaths);
        exempt.addAll(tenantlessPaths);
        this.exempt = new PathPatterns(exempt);
        this.errors = errors;
        this.revocations = revocations;
    }

    /** Whether auth revoked the token for the store since it was issued ({@link EdgeRevocations}). */
    private boolean revoked(JwtAuthenticationToken token, String key) {
        long userId;
        try {
            userId = Long.parseLong(token.getName());
        } catch (NumberFormatException e) {
            return false;
        }
        return revocations.revoked(
                key,
                userId,
                RevocationCheck.Issued.of(
                        token.getToken().getClaims(), token.getToken().getIssuedAt()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!normalized.startsWith("/api/") || exempt.matches(normalized)) {
            return chain.filter(exchange);
        }
        // the chain runs exactly once: the membership check decides between refusing and passing on, and a request
        // without a
        // token passes on (security refuses it). A fallback written as switchIfEmpty(chain) after flatMap(… chain) ran
        // the
        // chain a second time after every call (a Mono<Void> always completes empty): a call that failed was sent again
        // after
        // its 503 had been answered, to whichever instance the load balancer chose next
        return ReactiveSecurityContextHolder.getContext()
                .map(c -> Optional.ofNullable(c.getAuthentication())
                        .filter(JwtAuthenticationToken.class::isInstance)
                        .map(JwtAuthenticationToken.class::cast))
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    JwtAuthenticationToken token = found.get();
                    String key = exchange.getRequest().getHeaders().getFirst("X-Tenant-Key");
                    if (key == null || key.isBlank()) {
                        return errors.write(
                                exchange, HttpStatus.BAD_REQUEST, "missing_tenant_key", "error.missing_tenant_key");
                    }
                    Map<String, Object> stores = token.getToken().getClaimAsMap(KassaClaims.STORES);
                    if (!TenantKeys.isValidKey(key.trim()) || stores == null || !stores.containsKey(key.trim())) {
                        security.warn("security_event=cross_tenant_attempt subject={} path={}", token.getName(), path);
                        return errors.write(exchange, HttpStatus.FORBIDDEN, "not_a_member", "error.not_a_member");
                    }
                    if (revoked(token, key.trim())) {
                        security.warn("security_event=revoked_token subject={} store={}", token.getName(), key.trim());
                        exchange.getResponse()
                                .getHeaders()
                                .set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                        return errors.write(exchange, HttpStatus.UNAUTHORIZED, "token_revoked", "error.token_revoked");
                    }
                    return chain.filter(exchange);
                });
    }
}
