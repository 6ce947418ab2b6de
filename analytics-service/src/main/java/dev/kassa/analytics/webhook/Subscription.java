package dev.kassa.analytics.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A store's subscription as stored, its secrets included (never answered as they are: see {@link SubscriptionView}), with
 * the app that made it ({@code appId}; null: the owner) and whether its secrets are still stored in plain text from before
 * a sealing key was set ({@link WebhookSecrets}).
 */
record Subscription(
        long id,
        String url,
        String description,
        List<String> eventTypes,
        String secret,
        String previousSecret,
        Instant previousSecretUntil,
        boolean isActive,
        String disabledReason,
        Instant failingSince,
        Instant createdAt,
        Instant updatedAt,
        Long appId,
        boolean storedInPlain) {

    /** The secrets a delivery is signed with at {@code now}: the current one, and a rotated one still in its window. */
    List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
