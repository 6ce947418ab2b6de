package dev.kassa.catalog.inventory.purchase;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;

/**
 * A product's stock and what is on order fell to or under its reorder point (what it sells over its supplier's lead
 * time, from the last 28 days of the ledger, plus its minimum): time to order. Once per fall: announced again only after
 * stock or an order brought it back above.
 */
@KassaEvent(topic = Topics.CATALOG)
public record StockLow(
        long productId,
        String name,
        String sku,
        BigDecimal stock,
        BigDecimal onOrder,
        BigDecimal averageDailySales,
        int leadTimeDays,
        BigDecimal minQuantity,
        BigDecimal reorderPoint,
        BigDecimal suggestedQuantity,
        Long supplierId,
        String supplierName) {

    static StockLow of(RequirementService.Requirement r) {
        return new StockLow(
                r.product(),
                r.name(),
                r.sku(),
                r.stock(),
                r.onOrder(),
                r.averageDailySales(),
                r.leadTimeDays(),
                r.minQuantity(),
                r.reorderPoint(),
                r.suggestedQuantity(),
                r.supplier(),
                r.supplierName());
    }
}
