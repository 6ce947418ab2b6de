package dev.kassa.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.events.StoreUpdated;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/** Provisions a store's schema in this service as soon as auth-service announces it (brief §3), and keeps its details current. */
public class StoreEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(StoreEventsConsumer.class);

    private final TenantProvisioner provisioner;
    private final TenantRegistry registry;
    private final ObjectMapper objectMapper;
    private final EventHandlers handlers = new EventHandlers()
            .on(
                    StoreCreated.class,
                    store -> apply(
                            StoreCreated.class,
                            store.storeId(),
                            store.tenantKey(),
                            store.timeZone(),
                            new TenantRegistry.Profile(
                                    store.name(), store.address(), store.phone(), store.legalName(), store.taxId()),
                            store.kind()))
            .on(
                    StoreUpdated.class,
                    store -> apply(
                            StoreUpdated.class,
                            store.storeId(),
                            store.tenantKey(),
                            store.timeZone(),
                            new TenantRegistry.Profile(
                                    store.name(), store.address(), store.phone(), store.legalName(), store.taxId()),
                            store.kind()));

    public StoreEventsConsumer(TenantProvisioner provisioner, TenantRegistry registry, ObjectMapper objectMapper) {
        this.provisioner = provisioner;
        this.registry = registry;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(topics = Topics.AUTH, groupId = "${spring.application.name}-tenancy")
    public void on(String message) throws Exception {
        handlers.dispatch(objectMapper.readValue(message, EventEnvelope.class), objectMapper);
    }

    /**
     * Provisions the store (or brings it up to date; a store first seen through StoreUpdated is provisioned then),
     * with its time zone, which provisioning records and caches, and keeps its details for receipts and its kind.
     */
    private void apply(
            Class<?> event,
            long storeId,
            String tenantKey,
            String timeZone,
            TenantRegistry.Profile profile,
            String kind) {
        if (!TenantKeys.isValidKey(tenantKey)) {
            log.warn("Ignoring {} with an invalid tenant key", event.getSimpleName());
            return;
        }
        provisioner.provision(tenantKey, timeZone == null || timeZone.isBlank() ? null : timeZone);
        registry.updateProfile(tenantKey, profile);
        registry.updateStoreId(tenantKey, storeId);
        registry.updateKind(tenantKey, kind);
    }
}
