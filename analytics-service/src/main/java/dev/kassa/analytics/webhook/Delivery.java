package dev.kassa.analytics.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * One event (or ping) for one subscription, and where its delivery stands: {@code pending} (an attempt is due at
 * {@code next_attempt_at}), {@code delivered} (a receiver answered 2xx) or {@code failed} (retried for the give-up window
 * without success, or its subscription was off).
 */
record Delivery(
        long id,
        long subscriptionId,
        UUID eventId,
        String eventType,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt,
        Instant createdAt,
        @JsonIgnore String body) {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    /** One try: the receiver's status code, or the error that kept it from answering ({@code timeout}, …). */
    record Attempt(Instant attemptedAt, Integer statusCode, String error, int durationMs) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }
}
