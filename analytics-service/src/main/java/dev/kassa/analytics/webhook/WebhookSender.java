package dev.kassa.analytics.webhook;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt at one delivery: a POST of the body, signed ({@link WebhookSignature}), to a target the {@link TargetGuard}
 * allows at that moment. A connection goes to the addresses the guard checked, from its one bounded name lookup (the
 * client's only one), with the URL's host as the {@code Host} header and TLS name, and is kept for the next deliveries
 * at most a minute; no redirect is followed (a 3xx is a
 * failure, logged with its code). The whole attempt (lookup, connecting, sending, the answer's status) has one deadline,
 * {@code kassa.webhooks.timeout}, that no receiver can stretch: at the deadline the call is cut. Only the answer's status
 * counts: a small body is read so the connection can serve the next delivery, any other is never waited for (its
 * connection is dropped).
 */
@Component
class WebhookSender implements AutoCloseable {

    static final String USER_AGENT = "Kassa-Webhooks/1";

    /** The largest answer body read to keep its connection; a larger one, or one without a length, drops it. */
    private static final long READ_AT_MOST = 16 * 1024;

    private final TargetGuard guard;
    private final CloseableHttpClient http;
    private final Duration timeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-deadlines");
        t.setDaemon(true);
        return t;
    });

    WebhookSender(TargetGuard guard, WebhookProperties properties) {
        this.guard = guard;
        this.timeout = properties.timeout();
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout connect = Timeout.of(properties.connectTimeout());
        Timeout answer = Timeout.of(properties.timeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(answer)
                                // a kept connection goes to an address checked at most a minute ago
                                .setTimeToLive(TimeValue.ofMinutes(1))
                                .build())
                        .setMaxConnTotal(Math.max(2, properties.senders() * 2))
                        .setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(answer)
                        .setResponseTimeout(answer)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .build();
    }

    Delivery.Attempt send(String url, Delivery delivery, List<String> secrets) {
        Instant start = Instant.now();
        Optional<String> refused = guard.formRefusal(url);
        if (refused.isPresent()) {
            return failed(start, refused.get());
        }
        HttpPost post = new HttpPost(url);
        post.setHeader("Kassa-Webhook-Id", Long.toString(delivery.id()));
        post.setHeader("Kassa-Event-Id", delivery.eventId().toString());
        post.setHeader("Kassa-Event-Type", delivery.eventType());
        post.setHeader(
                WebhookSignature.HEADER, WebhookSignature.header(start.getEpochSecond(), delivery.body(), secrets));
        post.setEntity(
                new StringEntity(delivery.body(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    cut.set(true);
                    post.cancel();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = http.executeOpen(null, post, null);
            int status = response.getCode();
            finish(post, response);
            return new Delivery.Attempt(start, status, null, millisSince(start));
        } catch (TargetGuard.Refused e) {
            return failed(start, e.key);
        } catch (UnknownHostException e) {
            return new Delivery.Attempt(start, null, cut.get() ? "timeout" : "host_unknown", millisSince(start));
        } catch (ConnectTimeoutException e) {
            return new Delivery.Attempt(start, null, "connect_timeout", millisSince(start));
        } catch (HttpHostConnectException e) {
            return new Delivery.Attempt(start, null, "connection_refused", millisSince(start));
        } catch (SocketTimeoutException e) {
            return new Delivery.Attempt(start, null, "timeout", millisSince(start));
        } catch (IOException e) {
            return new Delivery.Attempt(start, null, cut.get() ? "timeout" : "io_error", millisSince(start));
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * Lets the answer go: a small body with a length is read (within the attempt's deadline) so its connection serves the
     * next delivery; any other answer's connection is dropped without waiting for its body.
     */
    private static void finish(HttpPost post, ClassicHttpResponse response) {
        HttpEntity body = response.getEntity();
        try {
            if (body == null || (body.getContentLength() >= 0 && body.getContentLength() <= READ_AT_MOST)) {
                EntityUtils.consume(body);
            } else {
                post.cancel();
            }
            response.close();
        } catch (IOException e) {
            // the status is what counts: a body cut short (by the deadline or the receiver) changes nothing
            post.cancel();
        }
    }

    private static Delivery.Attempt failed(Instant start, String key) {
        return new Delivery.Attempt(start, null, key.replace("webhooks.", ""), 0);
    }

    private static int millisSince(Instant start) {
        return (int) Duration.between(start, Instant.now()).toMillis();
    }

    /** Closes its connections (Spring calls it when the context closes). */
    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }
}
