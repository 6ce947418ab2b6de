package dev.kassa.analytics.webhook;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt at one delivery: a POST of the body, signed ({@link WebhookSignature}), to a target the {@link TargetGuard}
 * allows at that moment; no redirect is followed (a 3xx is a failure, logged with its code), connecting and answering
 * each have a deadline, and the receiver's body is not read.
 */
@Component
class WebhookSender {

    static final String USER_AGENT = "Kassa-Webhooks/1";

    private final TargetGuard guard;
    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(TargetGuard guard, WebhookProperties properties) {
        this.guard = guard;
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Delivery.Attempt send(String url, Delivery delivery, List<String> secrets) {
        Instant start = Instant.now();
        Optional<String> refused = guard.refusal(url);
        if (refused.isPresent()) {
            return new Delivery.Attempt(start, null, refused.get().replace("webhooks.", ""), 0);
        }
        long timestamp = start.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header("Kassa-Webhook-Id", Long.toString(delivery.id()))
                .header("Kassa-Event-Id", delivery.eventId().toString())
                .header("Kassa-Event-Type", delivery.eventType())
                .header(WebhookSignature.HEADER, WebhookSignature.header(timestamp, delivery.body(), secrets))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Delivery.Attempt(start, response.statusCode(), null, millisSince(start));
        } catch (HttpConnectTimeoutException e) {
            return new Delivery.Attempt(start, null, "connect_timeout", millisSince(start));
        } catch (HttpTimeoutException e) {
            return new Delivery.Attempt(start, null, "timeout", millisSince(start));
        } catch (ConnectException e) {
            return new Delivery.Attempt(start, null, "connection_refused", millisSince(start));
        } catch (IOException e) {
            return new Delivery.Attempt(start, null, "io_error", millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Attempt(start, null, "interrupted", millisSince(start));
        }
    }

    private static int millisSince(Instant start) {
        return (int) Duration.between(start, Instant.now()).toMillis();
    }
}
