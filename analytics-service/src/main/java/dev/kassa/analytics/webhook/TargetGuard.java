package dev.kassa.analytics.webhook;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go: an absolute {@code https} URL (plain {@code http} only where the operator allows it) whose host
 * resolves only to public addresses. Loopback, private, link-local (the cloud metadata address among them), carrier-grade
 * NAT, multicast and reserved addresses are refused unless the operator names their network in
 * {@code kassa.webhooks.allowed-networks}, so a subscription cannot make Kassa call into its own cluster. Checked when a
 * subscription is saved and again before every attempt (a name may resolve elsewhere later).
 */
@Component
class TargetGuard {

    private final boolean allowHttp;
    private final List<IpAddressMatcher> allowed;

    TargetGuard(WebhookProperties properties) {
        this.allowHttp = properties.allowHttp();
        this.allowed = properties.allowedNetworks().stream()
                .filter(s -> !s.isBlank())
                .map(TargetGuard::network)
                .toList();
    }

    /** An allowed network in CIDR notation ({@code 10.20.0.0/16}, {@code fd00::/8}), matched by Spring Security's matcher. */
    private static IpAddressMatcher network(String cidr) {
        try {
            return new IpAddressMatcher(cidr.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kassa.webhooks.allowed-networks: not a network: " + cidr, e);
        }
    }

    /** Why {@code url} may not be a target (a message key), or empty when it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("webhooks.url_invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return Optional.of("webhooks.url_invalid");
        }
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "webhooks.url_invalid" : "webhooks.https_required");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("webhooks.host_unknown");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(n -> n.matches(address.getHostAddress()))) {
                return Optional.of("webhooks.target_private");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
