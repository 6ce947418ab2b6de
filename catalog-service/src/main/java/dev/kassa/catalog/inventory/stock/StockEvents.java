package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code StockChanged} after every change of on-hand stock, and {@code LowStockReached} when a tracked product's
 * on-hand stock falls to or below its minimum (or to zero) from above it. Written to the outbox in the
 * transaction that changed the stock.
 */
@Component
public class StockEvents {

    private final StockLevelRepository stock;
    private final OutboxPublisher outbox;

    StockEvents(StockLevelRepository stock, OutboxPublisher outbox) {
        this.stock = stock;
        this.outbox = outbox;
    }

    /** The levels before a change, to compare with afterwards. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, StockLevel> before(Collection<Long> productIds) {
        return stock.of(productIds);
    }

    /**
     * For products that had no stock before (new products with their first batches, {@code receipt} or {@code import}),
     * each change with its own reference (its batch's number): their stock read once, the events written together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void received(Map<Long, String> references, String reason) {
        Map<Long, StockLevelRepository.Current> after = stock.current(references.keySet());
        List<Object> all = new ArrayList<>();
        references.forEach((product, reference) -> {
            StockLevelRepository.Current now = after.get(product);
            if (now != null) {
                all.addAll(events(Map.of(product, now), p -> BigDecimal.ZERO, p -> null, reason, reference));
            }
        });
        outbox.publishAll(TenantContext.require().key(), all);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Map<Long, StockLevel> before, String reason, String reference) {
        Map<Long, BigDecimal> was = new HashMap<>();
        before.forEach((product, level) -> was.put(product, level.onHand()));
        Map<Long, BigDecimal> couldSell = new HashMap<>();
        before.forEach((product, level) -> couldSell.put(product, level.available()));
        outbox.publishAll(
                TenantContext.require().key(),
                events(stock.current(before.keySet()), was::get, couldSell::get, reason, reference));
    }

    /** What one change took out of the batches (a sale): its reference, and each product's quantity out. */
    public record Taken(String reference, Map<Long, BigDecimal> quantities) {}

    /**
     * For goods that left the batches in this transaction, change after change in the order given (a poll's sales): the
     * stock is read once, after all of them; a product's stock after a change is its stock now plus what the later
     * changes took, and before it that plus what the change took itself, so nothing is read twice. What is available
     * after each change is what is available now (a later sale's goods were held until it, and its hold left with them).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void taken(List<Taken> changes, String reason) {
        Set<Long> products = new HashSet<>();
        changes.forEach(c -> products.addAll(c.quantities().keySet()));
        Map<Long, StockLevelRepository.Current> now = stock.current(products);
        Map<Long, BigDecimal> later = new HashMap<>();
        List<List<Object>> each = new ArrayList<>();
        for (int k = changes.size() - 1; k >= 0; k--) {
            Taken change = changes.get(k);
            Map<Long, StockLevelRepository.Current> after = new LinkedHashMap<>();
            change.quantities().forEach((product, out) -> {
                StockLevelRepository.Current current = now.get(product);
                if (current != null) {
                    BigDecimal since = later.getOrDefault(product, BigDecimal.ZERO);
                    StockLevel level = current.level();
                    after.put(
                            product,
                            new StockLevelRepository.Current(
                                    new StockLevel(
                                            level.onHand().add(since),
                                            level.reserved().add(since),
                                            level.available(),
                                            level.unavailable()),
                                    current.settings()));
                }
            });
            each.add(events(
                    after,
                    product -> after.get(product)
                            .level()
                            .onHand()
                            .add(change.quantities().get(product)),
                    product -> null,
                    reason,
                    change.reference()));
            change.quantities().forEach((product, out) -> later.merge(product, out, BigDecimal::add));
        }
        Collections.reverse(each);
        outbox.publishAll(
                TenantContext.require().key(),
                each.stream().flatMap(List::stream).toList());
    }

    /**
     * The events of a change: {@code after} each product's stock now, {@code wasOnHand} its on-hand stock before and
     * {@code wasAvailable} what it had to sell (null when not known): a product whose stock on hand is the same has an
     * event only when what it has to sell changed (goods moved into or out of a quarantine).
     */
    private static List<Object> events(
            Map<Long, StockLevelRepository.Current> after,
            Function<Long, BigDecimal> wasOnHand,
            Function<Long, BigDecimal> wasAvailable,
            String reason,
            String reference) {
        List<Object> events = new ArrayList<>();
        for (var e : after.entrySet()) {
            long productId = e.getKey();
            BigDecimal was = wasOnHand.apply(productId);
            StockLevel now = e.getValue().level();
            BigDecimal change = now.onHand().subtract(was);
            BigDecimal couldSell = wasAvailable.apply(productId);
            if (change.signum() == 0 && (couldSell == null || couldSell.compareTo(now.available()) == 0)) {
                continue;
            }
            events.add(new StockChanged(
                    productId, change, reason, reference == null ? "" : reference, now.onHand(), now.available()));
            StockLevelRepository.Settings product = e.getValue().settings();
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
        return events;
    }
}
