package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;

/** A tracked product's on-hand stock fell to or below its minimum (or to zero) from above it. */
@KassaEvent(topic = Topics.CATALOG)
public record LowStockReached(
        long productId,
        String name,
        String sku,
        BigDecimal onHand,
        BigDecimal available,
        BigDecimal minQuantity,
        boolean outOfStock) {}
