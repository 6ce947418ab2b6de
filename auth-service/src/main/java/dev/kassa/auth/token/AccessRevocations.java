package dev.kassa.auth.token;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Revocations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * Announces a change that voids tokens (a role changed, an employee or a store deactivated, a password changed, an app's
 * secret rotated or the app revoked) and records its revocation in auth's own table in the same transaction: every
 * service learns it from the event, and the gateways read auth's table every few seconds ({@code /internal/revocations}),
 * so the tokens stop working at the edge within seconds however far a service's consumer lags.
 */
@Component
public class AccessRevocations {

    private final OutboxPublisher outbox;
    private final Revocations revocations;

    AccessRevocations(OutboxPublisher outbox, Revocations revocations) {
        this.outbox = outbox;
        this.revocations = revocations;
    }

    /**
     * Publishes {@code event} for the store and voids the tokens of {@code userId} (the event's; null: everyone's) for it
     * issued before {@code at}.
     */
    @Transactional
    public void announce(String tenantKey, Long userId, Instant at, Object event) {
        outbox.publish(tenantKey, event);
        revocations.revoke(tenantKey, userId, at);
    }
}
