package dev.kassa.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.AccessChanged;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantKeys;
import org.springframework.kafka.annotation.KafkaListener;

import java.time.Instant;

/** Turns auth's role changes, deactivations and closed stores into revocations in this service. */
public class AccessEventsConsumer {

    private final Revocations revocations;
    private final ObjectMapper objectMapper;

    public AccessEventsConsumer(Revocations revocations, ObjectMapper objectMapper) {
        this.revocations = revocations;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(topics = Topics.AUTH, groupId = "${spring.application.name}-access")
    public void on(String message) throws Exception {
        EventEnvelope envelope = objectMapper.readValue(message, EventEnvelope.class);
        if (!AccessChanged.isAccessEvent(envelope.type())) {
            return;
        }
        AccessChanged change = objectMapper.treeToValue(envelope.payload(), AccessChanged.class);
        if (change.tenantKey() == null || !TenantKeys.isValidKey(change.tenantKey())) {
            return;
        }
        revocations.revoke(change.tenantKey(), AccessChanged.STORE_DEACTIVATED.equals(envelope.type()) ? null : change.userId(),
                change.at() != null ? change.at() : Instant.now());
    }
}
