package dev.kassa.analytics.webhook;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where webhooks may go: an absolute {@code https} URL (plain {@code http} only where the operator allows it) whose host
 * resolves only to public addresses. Loopback, private, link-local (the cloud metadata address among them), carrier-grade
 * NAT, multicast and reserved addresses, and the IPv6 forms that carry an IPv4 address inside (NAT64, 6to4, Teredo,
 * IPv4-compatible), are refused unless the operator names their network in {@code kassa.webhooks.allowed-networks}, so a
 * subscription cannot make Kassa call into its own cluster. Checked when a subscription is saved, and at every attempt on
 * the very addresses the attempt connects to ({@link #resolve}, which the sender's connections use as their only name
 * lookup): a name that resolves to a public address when checked and to a private one a moment later (DNS rebinding)
 * never reaches the private one.
 */
@Component
class TargetGuard {

    /** A name lookup (the system's resolver in production; a test's own). */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /** A target refused at connection time, with the reason's message key. */
    static final class Refused extends UnknownHostException {
        final String key;

        Refused(String host, String key) {
            super(host + ": " + key);
            this.key = key;
        }
    }

    /** The longest a name lookup may take (a resolver that does not answer holds no sender). */
    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(3);

    /** Where lookups run (the JDK's lookup cannot be interrupted): a few threads of their own, never a sender's. */
    private static final ThreadPoolExecutor LOOKUPS = lookups();

    private static ThreadPoolExecutor lookups() {
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000), r -> {
                    Thread t = new Thread(r, "webhook-dns");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private final boolean allowHttp;
    private final List<IpAddressMatcher> allowed;
    private final Lookup lookup;

    @Autowired
    TargetGuard(WebhookProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    TargetGuard(WebhookProperties properties, Lookup lookup) {
        this.allowHttp = properties.allowHttp();
        this.allowed = properties.allowedNetworks().stream()
                .filter(s -> !s.isBlank())
                .map(TargetGuard::network)
                .toList();
        this.lookup = lookup;
    }

    /** An allowed network in CIDR notation ({@code 10.20.0.0/16}, {@code fd00::/8}), matched by Spring Security's matcher. */
    private static IpAddressMatcher network(String cidr) {
        try {
            return new IpAddressMatcher(cidr.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kassa.webhooks.allowed-networks: not a network: " + cidr, e);
        }
    }

    /** Why {@code url} may not be a target (a message key), or empty when it may: its form, then where its host resolves. */
    Optional<String> refusal(String url) {
        Optional<String> form = formRefusal(url);
        if (form.isPresent()) {
            return form;
        }
        try {
            resolve(URI.create(url).getHost());
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.key);
        } catch (UnknownHostException e) {
            return Optional.of("webhooks.host_unknown");
        }
    }

    /** Why {@code url} may not be a target by its form alone (scheme, host, no credentials or fragment); no lookup. */
    Optional<String> formRefusal(String url) {
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
        return Optional.empty();
    }

    /**
     * The addresses of {@code host}, looked up once within {@link #LOOKUP_TIMEOUT}, each allowed as a target; otherwise
     * {@link Refused} ({@code webhooks.target_private}) or {@link UnknownHostException} (no answer in time, no such name).
     */
    InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return lookup.addresses(bare);
                                } catch (UnknownHostException e) {
                                    throw new CompletionException(e);
                                }
                            },
                            LOOKUPS)
                    .get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | RejectedExecutionException e) {
            throw new UnknownHostException(bare + ": no answer within " + LOOKUP_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(bare + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(bare + ": interrupted");
        }
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(bare);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(n -> n.matches(address.getHostAddress()))) {
                throw new Refused(bare, "webhooks.target_private");
            }
        }
        return addresses;
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
            return (b[0] & 0xfe) != 0xfc // unique local fc00::/7
                    && !embedsIpv4(b);
        }
        return false;
    }

    /**
     * The IPv6 forms that reach an IPv4 address through a translator or a tunnel, refused whatever the IPv4 address is:
     * NAT64 {@code 64:ff9b::/96} (and the local-use {@code 64:ff9b:1::/48}), 6to4 {@code 2002::/16}, Teredo
     * {@code 2001::/32}, and IPv4-compatible {@code ::/96}.
     */
    private static boolean embedsIpv4(byte[] b) {
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        int w2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
        return (w0 == 0x0064 && w1 == 0xff9b && (w2 == 0x0001 || allZero(b, 4, 12))) // NAT64
                || w0 == 0x2002 // 6to4
                || (w0 == 0x2001 && w1 == 0x0000) // Teredo
                || allZero(b, 0, 12); // IPv4-compatible (::a.b.c.d)
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
