package dev.kassa.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The headers of a call one Kassa service makes to another on behalf of its caller: the caller's token and language (from
 * the request being served, when there is one), the store's key and this service's signed {@link ServiceTokens service
 * token}. Read on the request thread, before the call moves to any other.
 */
public final class CallerHeaders {

    private CallerHeaders() {}

    public static HttpHeaders of(ServiceTokens serviceTokens, String tenantKey) {
        HttpHeaders headers = new HttpHeaders();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String authorization = attributes.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            }
            String language = attributes.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
            if (language != null) {
                headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
            }
        }
        headers.set(TenantMembershipFilter.HEADER, tenantKey);
        headers.set(ServiceTokens.HEADER, serviceTokens.issue());
        return headers;
    }
}
