package dev.kassa.analytics.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A subscription as answered: its secret only once, in the answer to its creation or rotation. */
record SubscriptionView(
        long id,
        String url,
        String description,
        List<String> eventTypes,
        boolean isActive,
        @Schema(
                        types = {"string", "null"},
                        description =
                                "failing: Kassa turned it off after deliveries failed for 24 hours; null otherwise")
                String disabledReason,
        @Schema(
                        types = {"string", "null"},
                        format = "date-time",
                        description = "since when every attempt has failed; null while deliveries succeed")
                Instant failingSince,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(description = "the signing secret: answered once, when created or rotated; keep it")
                String secret) {

    static SubscriptionView of(Subscription s) {
        return of(s, null);
    }

    static SubscriptionView of(Subscription s, String secret) {
        return new SubscriptionView(
                s.id(),
                s.url(),
                s.description(),
                s.eventTypes(),
                s.isActive(),
                s.disabledReason(),
                s.failingSince(),
                s.createdAt(),
                s.updatedAt(),
                secret);
    }
}
