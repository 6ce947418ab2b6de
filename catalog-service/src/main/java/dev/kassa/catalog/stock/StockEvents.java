package dev.kassa.catalog.stock;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code StockChanged} after every change of on-hand stock, and {@code LowStockReached} when a tracked product's
 * on-hand stock falls to or below its minimum (or to zero) from above it. Written to the outbox in the
 * transaction that changed the stock.
 */
@Component
public class StockEvents {

    private final StockLevels stock;
    private final OutboxPublisher outbox;

    StockEvents(StockLevels stock, OutboxPublisher outbox) {
        this.stock = stock;
        this.outbox = outbox;
    }

    /** The levels before a change, to compare with afterwards. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, StockLevels.Level> before(Collection<Long> productIds) {
        return stock.of(productIds);
    }

    /** For a product that had no stock before (a new product with its first batch). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void received(long productId, String reference) {
        changed(Map.of(productId, StockLevels.Level.ZERO), "receipt", reference);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Map<Long, StockLevels.Level> before, String reason, String reference) {
        Map<Long, BigDecimal> was = new HashMap<>();
        before.forEach((product, level) -> was.put(product, level.onHand()));
        publish(stock.current(before.keySet()), product -> was.get(product), reason, reference);
    }

    /**
     * For goods that left the batches in this transaction ({@code taken}: each product's quantity out): its stock before
     * is its stock now plus what left, so nothing is read twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void taken(Map<Long, BigDecimal> taken, String reason, String reference) {
        Map<Long, StockLevels.Current> after = stock.current(taken.keySet());
        publish(after, product -> after.get(product).level().onHand().add(taken.get(product)), reason, reference);
    }

    /** The events of a change: {@code after} each product's stock now, {@code wasOnHand} its on-hand stock before. */
    private void publish(
            Map<Long, StockLevels.Current> after,
            Function<Long, BigDecimal> wasOnHand,
            String reason,
            String reference) {
        String tenant = TenantContext.require().key();
        // every product's events of the change in one statement, in the order they happened
        List<Object> events = new ArrayList<>();
        for (var e : after.entrySet()) {
            long productId = e.getKey();
            BigDecimal was = wasOnHand.apply(productId);
            StockLevels.Level now = e.getValue().level();
            BigDecimal change = now.onHand().subtract(was);
            if (change.signum() == 0) {
                continue;
            }
            events.add(new StockChanged(
                    productId, change, reason, reference == null ? "" : reference, now.onHand(), now.available()));
            StockLevels.Settings product = e.getValue().settings();
            BigDecimal min = product.minQuantity();
            if (product.tracked()
                    && change.signum() < 0
                    && now.onHand().compareTo(min) <= 0
                    && was.compareTo(min) > 0) {
                events.add(new LowStockReached(
                        productId,
                        product.name(),
                        product.sku(),
                        now.onHand(),
                        now.available(),
                        min,
                        now.onHand().signum() == 0));
            }
        }
        outbox.publishAll(tenant, events);
    }
}
