package dev.kassa.platform.security;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * A role that only reads ({@link Role#readsOnly()}: the viewer, issue 87) changes nothing in its store: a request of
 * theirs to a store path with any method but GET, HEAD or OPTIONS is answered 403 {@code permission_denied} before any
 * handler or idempotency record, whatever the operation's {@code Access} rule would let through
 * ({@link Access#MEMBER}, {@link Access#FILES}' imports). Runs right after {@link TenantMembershipFilter}, which names the
 * caller's role in the store of {@code X-Tenant-Key}; a request outside a store (login, refresh, logout, one's own
 * password) has no such role and passes untouched, as does an app's.
 */
public class ReadOnlyRoleFilter extends OncePerRequestFilter {

    /** The methods that read: what a read-only role may send. */
    static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ErrorResponses errors;
    private final SecurityEvents events;

    public ReadOnlyRoleFilter(ErrorResponses errors, SecurityEvents events) {
        this.errors = errors;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(TenantMembershipFilter.ROLE_ATTRIBUTE) instanceof Role role
                && role.readsOnly()
                && !READS.contains(request.getMethod())) {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            events.record(
                    "read_only_refused",
                    caller == null ? "" : caller.getName(),
                    request.getMethod() + " " + request.getRequestURI());
            errors.write(response, PlatformErrors.PERMISSION_DENIED);
            return;
        }
        chain.doFilter(request, response);
    }
}
