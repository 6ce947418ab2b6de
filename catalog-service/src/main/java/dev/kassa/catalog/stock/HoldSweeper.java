package dev.kassa.catalog.stock;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks lapsed till holds {@code expired} (spec C37 as a job): a lapsed hold already stopped counting against stock;
 * this keeps the reservation list honest and the active-hold indexes small.
 * <p>
 * Every minute it visits only the stores where this instance placed a hold recently enough that one may still be
 * waiting to lapse (until the hold lifetime and one more interval have passed); once an hour, and first a minute after
 * start, it visits every store, for the holds another instance placed before it stopped and to prune day-old hold
 * requests. With 10,000 stores, a minute's sweep was 10,000 visits (a transaction with two statements each) to find the
 * few stores whose tills had held stock.
 */
@Component
public class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final TenantRegistry registry;
    private final TenantProvisioner provisioner;
    private final ReservationRepository holds;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** How long after a store's last hold it is still visited: the hold's lifetime and one more sweep. */
    private final Duration follow;
    private final Duration everyStore;
    private final Map<String, Instant> lastHold = new ConcurrentHashMap<>();
    private volatile Instant everyStoreSweptAt;

    HoldSweeper(TenantRegistry registry, TenantProvisioner provisioner, ReservationRepository holds, TransactionTemplate tx,
                CatalogProperties properties, @Value("${kassa.catalog.hold-sweep-interval:60s}") Duration interval,
                @Value("${kassa.catalog.hold-sweep-every-store-interval:1h}") Duration everyStore) {
        this.registry = registry;
        this.provisioner = provisioner;
        this.holds = holds;
        this.tx = tx;
        this.clock = Clock.systemUTC();
        this.follow = properties.reservationTtl().plus(interval);
        this.everyStore = everyStore;
    }

    /** A hold was placed (and its lapse time fixed) in the current store: the store is visited until it has lapsed. */
    void holdPlaced() {
        TenantContext.current().ifPresent(tenant -> lastHold.put(tenant.key(), clock.instant()));
    }

    @Scheduled(fixedDelayString = "${kassa.catalog.hold-sweep-interval:60s}", initialDelayString = "${kassa.catalog.hold-sweep-interval:60s}")
    void sweepDue() {
        Instant last = everyStoreSweptAt;
        if (last == null || !clock.instant().isBefore(last.plus(everyStore))) {
            sweepEveryStore();
        } else {
            sweepStoresWithHolds();
        }
    }

    /** Visits every store of the registry; answers how many. */
    public int sweepEveryStore() {
        Instant start = clock.instant();
        int n = sweep(registry.activeKeys(), start);
        everyStoreSweptAt = start;
        return n;
    }

    /** Visits the stores where this instance placed a hold that may not have been expired yet; answers how many. */
    public int sweepStoresWithHolds() {
        return sweep(List.copyOf(lastHold.keySet()), clock.instant());
    }

    private int sweep(Collection<String> keys, Instant start) {
        for (String key : keys) {
            try {
                TenantContext.run(provisioner.ensureReady(key), this::sweep);
            } catch (RuntimeException e) {
                log.warn("Could not sweep lapsed holds of {}: {}", key, e.toString());
            }
        }
        // a store whose holds had all lapsed before this sweep began had them expired by it: no need to come back
        lastHold.forEach((key, at) -> {
            if (at.plus(follow).isBefore(start)) {
                lastHold.remove(key, at);
            }
        });
        return keys.size();
    }

    /** Expires the current store's lapsed holds; answers how many. */
    public int sweep() {
        Integer n = tx.execute(s -> holds.expireLapsed());
        return n == null ? 0 : n;
    }
}
