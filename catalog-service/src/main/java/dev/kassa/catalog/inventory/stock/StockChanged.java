package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;

/** A product's on-hand stock changed by {@code change} (a receipt, sale, refund, adjustment, write-off, transfer…). */
@KassaEvent(topic = Topics.CATALOG)
public record StockChanged(
        long productId, BigDecimal change, String reason, String reference, BigDecimal onHand, BigDecimal available) {}
