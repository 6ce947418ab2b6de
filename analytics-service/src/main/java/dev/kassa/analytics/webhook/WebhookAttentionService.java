package dev.kassa.analytics.webhook;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * What of the store's webhooks needs the owner: subscriptions whose deliveries keep failing, and those Kassa turned off
 * after failing for the give-up window. The dashboard shows it, so the owner learns it where they look every day (ids and
 * descriptions, not the partners' addresses: managers see the dashboard too).
 */
@Service
public class WebhookAttentionService {

    /** A subscription that needs the owner, by its id and the owner's description of it. */
    public record Entry(long id, String description, Instant failingSince) {}

    /** Failing: deliveries fail but Kassa still tries; turned off: Kassa stopped after the give-up window. */
    public record Summary(List<Entry> failing, List<Entry> turnedOff) {}

    private final SubscriptionRepository subscriptions;

    WebhookAttentionService(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Summary summary() {
        List<Subscription> all = subscriptions.all();
        return new Summary(
                all.stream()
                        .filter(s -> s.isActive() && s.failingSince() != null)
                        .map(WebhookAttentionService::of)
                        .toList(),
                all.stream()
                        .filter(s -> !s.isActive() && WebhookService.FAILING.equals(s.disabledReason()))
                        .map(WebhookAttentionService::of)
                        .toList());
    }

    private static Entry of(Subscription s) {
        return new Entry(s.id(), s.description(), s.failingSince());
    }
}
