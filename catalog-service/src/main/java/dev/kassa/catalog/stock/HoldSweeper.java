package dev.kassa.catalog.stock;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks lapsed till holds {@code expired} in every store (spec C37 as a job): a lapsed hold already stopped
 * counting against stock; this keeps the reservation list honest and the active-hold indexes small.
 */
@Component
public class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final TenantRegistry registry;
    private final TenantProvisioner provisioner;
    private final ReservationRepository holds;
    private final TransactionTemplate tx;

    HoldSweeper(TenantRegistry registry, TenantProvisioner provisioner, ReservationRepository holds, TransactionTemplate tx) {
        this.registry = registry;
        this.provisioner = provisioner;
        this.holds = holds;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${kassa.catalog.hold-sweep-interval:60s}", initialDelayString = "${kassa.catalog.hold-sweep-interval:60s}")
    void sweepAll() {
        for (String key : registry.activeKeys()) {
            try {
                TenantContext.run(provisioner.ensureReady(key), this::sweep);
            } catch (RuntimeException e) {
                log.warn("Could not sweep lapsed holds of {}: {}", key, e.toString());
            }
        }
    }

    /** Expires the current store's lapsed holds; answers how many. */
    public int sweep() {
        Integer n = tx.execute(s -> holds.expireLapsed());
        return n == null ? 0 : n;
    }
}
