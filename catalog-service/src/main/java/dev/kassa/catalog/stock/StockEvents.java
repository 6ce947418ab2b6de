package dev.kassa.catalog.stock;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

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
        // the stock now and the alert's settings (minimum, tracked, name) of every product, in one query
        Map<Long, StockLevels.Current> after = stock.current(before.keySet());
        String tenant = TenantContext.require().key();
        // every product's events of the change in one statement, in the order they happened
        List<Object> events = new ArrayList<>();
        for (var e : after.entrySet()) {
            long productId = e.getKey();
            StockLevels.Level was = before.get(productId);
            StockLevels.Level now = e.getValue().level();
            BigDecimal change = now.onHand().subtract(was.onHand());
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
                    && was.onHand().compareTo(min) > 0) {
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
