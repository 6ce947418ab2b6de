package dev.kassa.catalog.inventory.ingest;

import dev.kassa.catalog.inventory.purchase.StockLowService;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.tenancy.TenantProvisioner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catalog's own {@code StockChanged}, read after the change committed, off the till's path: the products of a poll, store
 * by store, checked against their reorder point in one transaction each ({@link StockLowService}). It reads the products'
 * state, not the events' figures, so it needs no inbox: a poll read again announces nothing twice.
 */
@Component
class StockLevelEventsConsumer {

    /** Catalog's events on the wire start with their envelope's type; only stock changes are read any further. */
    private static final String STOCK_CHANGED = "\"type\":\"StockChanged\"";

    private final Inbox envelopes;
    private final TenantProvisioner tenants;
    private final StockLowService stockLow;
    private final TransactionTemplate tx;

    StockLevelEventsConsumer(
            Inbox envelopes,
            TenantProvisioner tenants,
            StockLowService stockLow,
            PlatformTransactionManager transactions) {
        this.envelopes = envelopes;
        this.tenants = tenants;
        this.stockLow = stockLow;
        this.tx = new TransactionTemplate(transactions);
    }

    @KafkaListener(
            topics = Topics.CATALOG,
            groupId = "${spring.application.name}-reorder",
            batch = "true",
            properties = {Topics.BUSY_MIN_BYTES, Topics.BUSY_WAIT})
    void on(List<ConsumerRecord<String, String>> records) {
        Map<String, Set<Long>> byStore = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null || !record.value().contains(STOCK_CHANGED)) {
                continue;
            }
            EventEnvelope envelope = envelopes.read(record.value());
            if (!"StockChanged".equals(envelope.type()) || !TenantKeys.isValidKey(envelope.tenantKey())) {
                continue;
            }
            long product = envelope.payload().path("product_id").asLong(0);
            if (product > 0) {
                byStore.computeIfAbsent(envelope.tenantKey(), k -> new LinkedHashSet<>())
                        .add(product);
            }
        }
        byStore.forEach((store, products) -> TenantContext.run(
                tenants.ensureReady(store), () -> tx.executeWithoutResult(s -> stockLow.changed(products))));
    }
}
