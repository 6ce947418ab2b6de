package dev.kassa.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.AccessChanged;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.Revocations;
import dev.kassa.platform.tenancy.TenantKeys;
import org.springframework.kafka.annotation.KafkaListener;

import java.time.Instant;

/** Turns auth's role changes, deactivations, closed stores and revoked apps into revocations in this service. */
public class AccessEventsConsumer {

    private final Revocations revocations;
    private final ObjectMapper objectMapper;
    private final EventHandlers handlers = new EventHandlers()
            .on(AccessChanged.ROLE_CHANGED, AccessChanged.class, change -> revoke(change, change.userId()))
            .on(AccessChanged.EMPLOYEE_DEACTIVATED, AccessChanged.class, change -> revoke(change, change.userId()))
            .on(AccessChanged.PASSWORD_CHANGED, AccessChanged.class, change -> revoke(change, change.userId()))
            .on(AccessChanged.STORE_DEACTIVATED, AccessChanged.class, change -> revoke(change, null))
            .on(AccessChanged.APP_REVOKED, AccessChanged.class, change -> revoke(change, change.userId()));

    public AccessEventsConsumer(Revocations revocations, ObjectMapper objectMapper) {
        this.revocations = revocations;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(topics = Topics.AUTH, groupId = "${spring.application.name}-access")
    public void on(String message) throws Exception {
        handlers.dispatch(objectMapper.readValue(message, EventEnvelope.class), objectMapper);
    }

    /** Tokens of the user (of everyone in the store when {@code userId} is null) issued before the change stop working. */
    private void revoke(AccessChanged change, Long userId) {
        if (change.tenantKey() == null || !TenantKeys.isValidKey(change.tenantKey())) {
            return;
        }
        revocations.revoke(change.tenantKey(), userId, change.at() != null ? change.at() : Instant.now());
    }
}
