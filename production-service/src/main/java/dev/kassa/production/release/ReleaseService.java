package dev.kassa.production.release;

import dev.kassa.platform.security.Caller;
import dev.kassa.production.ProductionErrors;
import dev.kassa.production.catalog.CatalogClient;
import dev.kassa.production.order.OrderService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Releasing an order to the floor (issue 87 point 5): its product's recipe exploded for the order's quantity, every
 * material checked against what catalog has for sale (approved, unexpired batches, what tills and other orders hold
 * left out) and held there, kept until the order takes or releases it (catalog's holds API, the one tills use, under the
 * references {@code po-<order>-<material>}). A short material is answered with every shortfall and nothing is held. A
 * cancelled or done order's holds are released by catalog when it reads the order's move.
 */
@Service
public class ReleaseService {

    /** A material the order needs more of than catalog has. */
    public record Shortfall(
            long product, String name, String unit, BigDecimal needed, BigDecimal available, BigDecimal missing) {}

    /** A released order's materials, as held. */
    public record Released(long order, List<MaterialRepository.Material> materials) {}

    private final OrderService orders;
    private final CatalogClient catalog;
    private final MaterialRepository materials;

    ReleaseService(OrderService orders, CatalogClient catalog, MaterialRepository materials) {
        this.orders = orders;
        this.catalog = catalog;
        this.materials = materials;
    }

    @Transactional
    Released release(long id, Caller caller) {
        OrderService.Plannable order = orders.toRelease(id);
        String attempt = Long.toString(System.currentTimeMillis(), 36);
        CatalogClient.Recipe recipe =
                catalog.recipe(order.product()).orElseThrow(ProductionErrors.PRODUCT_NOT_FOUND::exception);
        List<MaterialRepository.Material> needed = new ArrayList<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (CatalogClient.Material m : recipe.components()) {
            BigDecimal quantity = m.quantity().multiply(order.quantity()).setScale(3, RoundingMode.CEILING);
            needed.add(new MaterialRepository.Material(
                    m.product(), m.name(), m.unit(), quantity, ref(order.id(), m.product(), attempt)));
            BigDecimal available = m.available() == null ? BigDecimal.ZERO : m.available();
            if (m.trackInventory() && available.compareTo(quantity) < 0) {
                shortfalls.add(new Shortfall(
                        m.product(), m.name(), m.unit(), quantity, available, quantity.subtract(available)));
            }
        }
        if (!shortfalls.isEmpty()) {
            throw ProductionErrors.MATERIALS_SHORT.exception(Map.of("shortfalls", shortfalls), order.number());
        }
        if (!needed.isEmpty()) {
            List<String> refs =
                    needed.stream().map(MaterialRepository.Material::requestRef).toList();
            // the holds are kept until taken or released: if this transaction does not commit (catalog's answer lost,
            // the
            // order's move refused), they are given back; a later attempt holds under references of its own
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        catalog.release(refs);
                    }
                }
            });
            catalog.hold(needed.stream()
                    .map(m -> new CatalogClient.Hold(m.requestRef(), m.product(), m.quantity()))
                    .toList());
        }
        materials.save(order.id(), needed);
        orders.released(id, needed.isEmpty() ? null : needed.size() + " materials held", caller);
        return new Released(order.id(), materials.of(order.id()));
    }

    @Transactional(readOnly = true)
    Released materials(long id, Caller caller) {
        orders.get(id, caller);
        return new Released(id, materials.of(id));
    }

    /**
     * The reference an order's material is held under in catalog by one attempt to release it: {@code po-<order>-} (by
     * which catalog releases an ended order's holds), the material, the attempt.
     */
    static String ref(long order, long material, String attempt) {
        return "po-" + order + "-" + material + "-" + attempt;
    }
}
