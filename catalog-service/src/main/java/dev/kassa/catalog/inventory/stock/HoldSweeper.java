package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.tenancy.StoreRounds;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Marks lapsed till holds {@code expired} (spec C37 as a job): a lapsed hold already stopped counting against stock;
 * this keeps the reservation list honest and the active-hold indexes small.
 * <p>
 * Every minute it visits only the stores where this instance placed a hold recently enough that one may still be
 * waiting to lapse (until the hold lifetime and one more interval have passed); once an hour, and first a minute after
 * start, it visits every store ({@link StoreRounds}), for the holds another instance placed before it stopped and to
 * prune day-old hold requests.
 */
@Component
public class HoldSweeper {

    private final ReservationRepository holds;
    private final TransactionTemplate tx;
    private final StoreRounds rounds;
    /** How long after a store's last hold it is still visited: the hold's lifetime and one more sweep. */
    private final Duration follow;

    private final Map<String, Instant> lastHold = new ConcurrentHashMap<>();

    HoldSweeper(
            TenantRegistry registry,
            TenantProvisioner provisioner,
            ReservationRepository holds,
            TransactionTemplate tx,
            CatalogProperties properties,
            @Value("${kassa.catalog.hold-sweep-interval:60s}") Duration interval,
            @Value("${kassa.catalog.hold-sweep-every-store-interval:1h}") Duration everyStore) {
        this.holds = holds;
        this.tx = tx;
        this.rounds = new StoreRounds("Sweeping lapsed holds", registry, provisioner, everyStore);
        this.follow = properties.reservationTtl().plus(interval);
    }

    /**
     * A hold was placed (and its lapse time fixed) in the current store: the store is visited until it has lapsed. The
     * warm-up store's holds are rolled back with the warm-up: it is never visited.
     */
    void holdPlaced() {
        TenantContext.current()
                .filter(tenant -> !tenant.key().equals(TenantKeys.WARM_UP_KEY))
                .ifPresent(tenant -> lastHold.put(tenant.key(), Instant.now()));
    }

    @Scheduled(
            fixedDelayString = "${kassa.catalog.hold-sweep-interval:60s}",
            initialDelayString = "${kassa.catalog.hold-sweep-interval:60s}")
    void sweepDue() {
        forgettingLapsed(() -> rounds.run(this::storesWithHolds, this::sweep));
    }

    /** Visits every store of the registry; answers how many. */
    public int sweepEveryStore() {
        return forgettingLapsed(() -> rounds.everyStore(this::sweep));
    }

    /** Visits the stores where this instance placed a hold that may not have been expired yet; answers how many. */
    public int sweepStoresWithHolds() {
        return forgettingLapsed(() -> rounds.visit(storesWithHolds(), this::sweep));
    }

    /** Expires the current store's lapsed holds; answers how many. */
    public int sweep() {
        Integer n = tx.execute(s -> holds.expireLapsed());
        return n == null ? 0 : n;
    }

    private List<String> storesWithHolds() {
        return List.copyOf(lastHold.keySet());
    }

    /** Runs a sweep; a store whose holds had all lapsed before it began had them expired by it: no need to come back. */
    private int forgettingLapsed(IntSupplier sweep) {
        Instant start = Instant.now();
        int visited = sweep.getAsInt();
        lastHold.forEach((key, at) -> {
            if (at.plus(follow).isBefore(start)) {
                lastHold.remove(key, at);
            }
        });
        return visited;
    }
}
