package dev.kassa.catalog.inventory.purchase;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * {@code StockLow} (issue 64 point 3): after products' stock changed, each whose stock and what is on order are at or
 * under its reorder point (as what to reorder computes it) is announced, once until it is back above. It reads the state
 * of the products, not the change, so reading a change twice, or on two instances, announces nothing twice (the mark is
 * taken by one insert).
 */
@Service
public class StockLowService {

    private final RequirementRepository demand;
    private final StockLowRepository alerts;
    private final OutboxPublisher outbox;

    StockLowService(RequirementRepository demand, StockLowRepository alerts, OutboxPublisher outbox) {
        this.demand = demand;
        this.alerts = alerts;
        this.outbox = outbox;
    }

    /** Inside the store's transaction: the products whose stock changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Collection<Long> products) {
        if (products.isEmpty()) {
            return;
        }
        Tenant tenant = TenantContext.require();
        List<RequirementService.Requirement> now =
                demand.demandOf(RequirementService.windowStart(tenant), tenant.today(), products).stream()
                        .map(d -> RequirementService.requirement(d, RequirementService.DAYS_OF_COVER))
                        .toList();
        Set<Long> alerted = alerts.alerted(products);
        List<RequirementService.Requirement> low = new ArrayList<>();
        List<Long> above = new ArrayList<>();
        for (RequirementService.Requirement r : now) {
            boolean under = r.stock().add(r.onOrder()).compareTo(r.reorderPoint()) <= 0;
            if (under && !alerted.contains(r.product())) {
                low.add(r);
            } else if (!under && alerted.contains(r.product())) {
                above.add(r.product());
            }
        }
        if (!above.isEmpty()) {
            alerts.rearm(above);
        }
        if (low.isEmpty()) {
            return;
        }
        Set<Long> marked = alerts.raise(
                low.stream().map(RequirementService.Requirement::product).toList(),
                low.stream().map(RequirementService.Requirement::reorderPoint).toList());
        List<Object> events = new ArrayList<>();
        low.stream().filter(r -> marked.contains(r.product())).forEach(r -> events.add(StockLow.of(r)));
        outbox.publishAll(tenant.key(), events);
    }
}
