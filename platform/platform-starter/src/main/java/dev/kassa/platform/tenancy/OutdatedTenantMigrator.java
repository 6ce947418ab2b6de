package dev.kassa.platform.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * After start-up, brings every outdated tenant schema to the latest version in the background with
 * bounded parallelism, so start-up time does not grow with the number of stores. A request to a
 * tenant that is still behind migrates that tenant first (see {@link TenantProvisioner#ensureReady}).
 */
public class OutdatedTenantMigrator {

    private static final Logger log = LoggerFactory.getLogger(OutdatedTenantMigrator.class);

    private final TenantRegistry registry;
    private final TenantProvisioner provisioner;
    private final int threads;

    public OutdatedTenantMigrator(TenantRegistry registry, TenantProvisioner provisioner, int threads) {
        this.registry = registry;
        this.provisioner = provisioner;
        this.threads = Math.max(1, threads);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Thread worker = new Thread(this::migrateAll, "kassa-tenant-migrator");
        worker.setDaemon(true);
        worker.start();
    }

    void migrateAll() {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int done = 0;
            List<String> batch;
            while (!(batch = registry.outdated(provisioner.latestVersion(), 200)).isEmpty()) {
                List<Future<?>> futures = batch.stream()
                        .<Future<?>>map(key -> pool.submit(() -> provisioner.provision(key, null)))
                        .toList();
                for (Future<?> f : futures) {
                    f.get();
                }
                done += batch.size();
            }
            if (done > 0) {
                log.info("Migrated {} outdated tenant schemas to version {}", done, provisioner.latestVersion());
            }
        } catch (Exception e) {
            log.error("Background tenant migration stopped; outdated tenants migrate on their next request", e);
        } finally {
            pool.shutdown();
        }
    }
}
