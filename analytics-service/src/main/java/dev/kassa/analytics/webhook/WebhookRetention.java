package dev.kassa.analytics.webhook;

import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * Forgets each store's deliveries (their bodies and attempts) once they are older than {@code kassa.webhooks.retention}
 * (30 days) and done (delivered or failed; one still being retried stays). Runs every night
 * ({@code kassa.webhooks.purge-cron}) on every instance: a purge run twice removes nothing more.
 */
@Component
class WebhookRetention {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);

    private final TenantRegistry registry;
    private final TenantProvisioner tenants;
    private final DeliveryRepository deliveries;
    private final TransactionTemplate tx;
    private final WebhookProperties properties;

    WebhookRetention(
            TenantRegistry registry,
            TenantProvisioner tenants,
            DeliveryRepository deliveries,
            TransactionTemplate tx,
            WebhookProperties properties) {
        this.registry = registry;
        this.tenants = tenants;
        this.deliveries = deliveries;
        this.tx = tx;
        this.properties = properties;
    }

    @Scheduled(cron = "${kassa.webhooks.purge-cron:0 35 3 * * *}")
    void purgeAll() {
        for (String key : registry.activeKeys()) {
            try {
                purge(tenants.ensureReady(key));
            } catch (RuntimeException e) {
                log.warn("Purging the old webhook deliveries of store {} failed; the next run tries again", key, e);
            }
        }
    }

    /** Removes the store's deliveries done before the retention period; answers how many. */
    int purge(Tenant tenant) {
        Instant before = Instant.now().minus(properties.retention());
        Integer removed = TenantContext.call(tenant, () -> tx.execute(s -> deliveries.removeDoneBefore(before)));
        return removed == null ? 0 : removed;
    }
}
