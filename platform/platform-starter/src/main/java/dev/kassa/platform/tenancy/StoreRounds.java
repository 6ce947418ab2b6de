package dev.kassa.platform.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The rounds of a scheduled per-store job that knows which stores have something to do: each run visits only those, and
 * every store of the registry once per {@code everyStore} (the first run too), for what the job could not know (work
 * another instance left behind, a restart). With 10,000 stores, a job that visited every store each minute spent
 * 10,000 transactions a minute to find the few with work. A store's failure is logged and left to the next round.
 */
public final class StoreRounds {

    private static final Logger log = LoggerFactory.getLogger(StoreRounds.class);

    private final String job;
    private final TenantRegistry registry;
    private final TenantProvisioner provisioner;
    private final Duration everyStore;
    private volatile Instant everyStoreAt;

    public StoreRounds(String job, TenantRegistry registry, TenantProvisioner provisioner, Duration everyStore) {
        this.job = job;
        this.registry = registry;
        this.provisioner = provisioner;
        this.everyStore = everyStore;
    }

    /** One scheduled run: every store when that is due, else the stores {@code due} names; answers how many it visited. */
    public int run(Supplier<? extends Collection<String>> due, Runnable work) {
        Instant last = everyStoreAt;
        return last == null || !Instant.now().isBefore(last.plus(everyStore))
                ? everyStore(work)
                : visit(due.get(), work);
    }

    /** Does {@code work} in every store of the registry; answers how many. */
    public int everyStore(Runnable work) {
        Instant start = Instant.now();
        int n = visit(registry.activeKeys(), work);
        everyStoreAt = start;
        return n;
    }

    /** Does {@code work} in each of these stores (as the current tenant); answers how many. */
    public int visit(Collection<String> keys, Runnable work) {
        for (String key : keys) {
            try {
                TenantContext.run(provisioner.ensureReady(key), work);
            } catch (RuntimeException e) {
                log.warn("{} failed in store {}; the next round tries again: {}", job, key, e.toString());
            }
        }
        return keys.size();
    }
}
