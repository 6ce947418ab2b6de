package dev.kassa.platform.security;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.web.ClientUrls;
import dev.kassa.platform.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Recognises calls from Kassa's own components by their {@link ServiceTokens service token} and keeps the verified
 * sender on the request ({@link #of}). Paths under {@code /internal/} answer only such calls: anything else, a user's
 * own token included, gets 403 {@code internal_only}. Runs before Spring Security.
 */
public class ServiceCallFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = ClientUrls.GATEWAY_CALL;

    private final ServiceTokens tokens;
    private final ErrorResponses errors;
    private final SecurityEvents events;

    public ServiceCallFilter(ServiceTokens tokens, ErrorResponses errors, SecurityEvents events) {
        this.tokens = tokens;
        this.errors = errors;
        this.events = events;
    }

    /** The verified component that sent this request, if it came from one. */
    public static Optional<ServiceTokens.ServiceCall> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ServiceTokens.ServiceCall call
                ? Optional.of(call)
                : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(ServiceTokens.HEADER);
        Optional<ServiceTokens.ServiceCall> call = header == null ? Optional.empty() : tokens.verify(header.trim());
        call.ifPresent(c -> request.setAttribute(ATTRIBUTE, c));
        String path = request.getRequestURI();
        if (call.isEmpty() && (path.startsWith("/internal/") || path.equals("/internal"))) {
            events.record("internal_call_refused", "-", path.length() > 100 ? path.substring(0, 100) : path);
            errors.write(response, PlatformErrors.INTERNAL_ONLY);
            return;
        }
        chain.doFilter(request, response);
    }
}
