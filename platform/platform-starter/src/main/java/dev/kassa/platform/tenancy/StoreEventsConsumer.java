package dev.kassa.platform.tenancy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.events.StoreUpdated;
import dev.kassa.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Provisions a store's schema in this service as soon as auth-service announces it (brief §3), and keeps its details current. */
public class StoreEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(StoreEventsConsumer.class);

    private final TenantProvisioner provisioner;
    private final TenantRegistry registry;
    private final ObjectMapper objectMapper;

    public StoreEventsConsumer(TenantProvisioner provisioner, TenantRegistry registry, ObjectMapper objectMapper) {
        this.provisioner = provisioner;
        this.registry = registry;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(topics = Topics.AUTH, groupId = "${spring.application.name}-tenancy")
    public void on(String message) throws Exception {
        EventEnvelope envelope = objectMapper.readValue(message, EventEnvelope.class);
        if (StoreCreated.TYPE.equals(envelope.type())) {
            StoreCreated store = objectMapper.treeToValue(envelope.payload(), StoreCreated.class);
            apply(envelope, store.tenantKey(), store.timeZone(),
                    new TenantRegistry.Profile(store.name(), store.address(), store.phone(), store.legalName(), store.taxId()));
        } else if (StoreUpdated.TYPE.equals(envelope.type())) {
            StoreUpdated store = objectMapper.treeToValue(envelope.payload(), StoreUpdated.class);
            apply(envelope, store.tenantKey(), store.timeZone(),
                    new TenantRegistry.Profile(store.name(), store.address(), store.phone(), store.legalName(), store.taxId()));
        }
    }

    /**
     * Provisions the store (or brings it up to date; a store first seen through StoreUpdated is provisioned then),
     * with its time zone, which provisioning records and caches, and keeps its details for receipts.
     */
    private void apply(EventEnvelope envelope, String tenantKey, String timeZone, TenantRegistry.Profile profile) {
        if (!TenantKeys.isValidKey(tenantKey)) {
            log.warn("Ignoring {} {} with an invalid tenant key", envelope.type(), envelope.eventId());
            return;
        }
        provisioner.provision(tenantKey, timeZone == null || timeZone.isBlank() ? null : timeZone);
        registry.updateProfile(tenantKey, profile);
    }
}
