package dev.kassa.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * Addresses as the client sees them: through the gateway (whose signed call says so) the gateway's host, scheme and port
 * from its X-Forwarded-* headers, never the service's own internal address; a forwarded header from anyone else is ignored.
 */
public final class ClientUrls {
    private ClientUrls() {}

    /**
     * The request attribute the platform's security sets on a call the gateway signed (its {@code ServiceCallFilter}): the
     * web layer reads it without knowing security, so the two packages do not depend on each other in a cycle.
     */
    public static final String GATEWAY_CALL = "kassa.gateway-call";

    /** The current request's address, query included. */
    public static UriComponentsBuilder currentRequest() {
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentRequest();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(GATEWAY_CALL) != null) {
            HttpServletRequest request = attributes.getRequest();
            HttpHeaders forwarded = new HttpHeaders();
            for (String name :
                    List.of("X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix")) {
                String value = request.getHeader(name);
                if (value != null) {
                    forwarded.set(name, value);
                }
            }
            builder = ForwardedHeaderUtils.adaptFromForwardedHeaders(
                    builder.build().toUri(), forwarded);
        }
        return builder;
    }

    /** The absolute address of {@code path} on the host the client called (outside a request: the path alone). */
    public static String of(String path) {
        if (RequestContextHolder.getRequestAttributes() == null) {
            return path;
        }
        return currentRequest().replacePath(path).replaceQuery(null).build().toUriString();
    }
}
