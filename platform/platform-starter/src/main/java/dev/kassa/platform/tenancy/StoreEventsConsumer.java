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
            if (!TenantKeys.isValidKey(store.tenantKey())) {
                log.warn("Ignoring StoreCreated {} with an invalid tenant key", envelope.eventId());
                return;
            }
            provisioner.evict(store.tenantKey());
            provisioner.provision(store.tenantKey(), store.timeZone());
            registry.updateProfile(store.tenantKey(), new TenantRegistry.Profile(store.name(), store.address(), store.phone(),
                    store.legalName(), store.taxId()));
        } else if (StoreUpdated.TYPE.equals(envelope.type())) {
            StoreUpdated store = objectMapper.treeToValue(envelope.payload(), StoreUpdated.class);
            if (!TenantKeys.isValidKey(store.tenantKey())) {
                return;
            }
            // provisioned on demand if this service has not seen the store yet; then the new details and zone apply
            provisioner.provision(store.tenantKey(), store.timeZone());
            registry.updateProfile(store.tenantKey(), new TenantRegistry.Profile(store.name(), store.address(), store.phone(),
                    store.legalName(), store.taxId()));
            if (store.timeZone() != null && !store.timeZone().isBlank()) {
                registry.updateTimeZone(store.tenantKey(), store.timeZone());
            }
            provisioner.evict(store.tenantKey());
        }
    }
}
