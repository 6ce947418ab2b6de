package dev.kassa.gateway;

import dev.kassa.platform.security.ServiceTokens;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a service learns about the request from the gateway, and only from it:
 * <ul>
 *   <li>headers of the X-Kassa-* and X-Internal-* families are ours: a client-sent one never reaches a service;</li>
 *   <li>{@code Forwarded} and {@code X-Forwarded-*} a client wrote are dropped; the gateway writes them anew: the client's
 *       address (behind {@code kassa.gateway.trusted-proxy-hops} proxies, the one they name), and the host, scheme,
 *       port and prefix the client used, so the services' paging links point at the gateway, not at themselves;</li>
 *   <li>a service token ({@link ServiceTokens}) carries the client's address under the shared secret: it is the only
 *       address a service believes, so twenty wrong passwords lock one client, not everyone behind the gateway;</li>
 *   <li>the trace: the gateway's span of the request (its server observation, which continues a client's
 *       {@code traceparent}) is the parent of the service's, so one trace id finds both. Spring Cloud Gateway's own
 *       observation of the proxied call, which did this with a second span, timer and header copy per call, is off.</li>
 * </ul>
 * It is the last of the gateway's header filters, so nothing the gateway's own filters do (Spring Cloud Gateway drops
 * X-Forwarded-* when its own X-Forwarded support is off) undoes it.
 */
@Component
class ForwardedRequestFilter implements HttpHeadersFilter, Ordered {

    private final ServiceTokens tokens;
    private final RemoteAddressResolver addresses;
    private final boolean behindProxy;
    private final Propagator propagator;

    ForwardedRequestFilter(ServiceTokens tokens, GatewayProperties properties, ObjectProvider<Propagator> propagator) {
        this.tokens = tokens;
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.behindProxy = properties.trustedProxyHops() > 0;
        this.addresses = clientResolver(properties);
    }

    /** The client's address: the connection's, or behind trusted proxies the one the nearest of them names. */
    static RemoteAddressResolver clientResolver(GatewayProperties properties) {
        return properties.trustedProxyHops() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxyHops())
                : new RemoteAddressResolver() {};
    }

    static String client(RemoteAddressResolver resolver, ServerWebExchange exchange) {
        InetSocketAddress remote = resolver.resolve(exchange);
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * The headers to write into: those an earlier filter of this call copied already (Spring Cloud Gateway's hop-by-hop
     * filter makes a copy of its own), or a copy of the request's own, which are read-only.
     */
    private static HttpHeaders writable(HttpHeaders input, ServerWebExchange exchange) {
        if (input != exchange.getRequest().getHeaders()) {
            try {
                input.remove(ServiceTokens.HEADER);
                return input;
            } catch (UnsupportedOperationException readOnly) {
                // a read-only view after all: copied below
            }
        }
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(input);
        return copy;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders in = exchange.getRequest().getHeaders();
        String client = client(addresses, exchange);
        URI uri = exchange.getRequest().getURI();
        String proto = behindProxy && in.getFirst("X-Forwarded-Proto") != null
                ? in.getFirst("X-Forwarded-Proto")
                : uri.getScheme();
        String host = behindProxy && in.getFirst("X-Forwarded-Host") != null
                ? in.getFirst("X-Forwarded-Host")
                : in.getFirst(HttpHeaders.HOST);
        String port = behindProxy && in.getFirst("X-Forwarded-Port") != null
                ? in.getFirst("X-Forwarded-Port")
                : String.valueOf(uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        HttpHeaders out = writable(input, exchange);
        List<String> dropped = new ArrayList<>();
        for (String name : out.keySet()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("x-kassa-")
                    || n.startsWith("x-internal-")
                    || n.startsWith("x-forwarded-")
                    || n.equals("forwarded")) {
                dropped.add(name);
            }
        }
        dropped.forEach(out::remove);
        out.set("X-Forwarded-For", client);
        out.set("X-Forwarded-Proto", proto);
        if (host != null) {
            out.set("X-Forwarded-Host", host);
        }
        out.set("X-Forwarded-Port", port);
        out.set(ServiceTokens.HEADER, tokens.issue(client));
        Span span = RequestSpan.of(exchange);
        if (span != null) {
            propagator.inject(span.context(), out, HttpHeaders::set);
        }
        return out;
    }
}
