package dev.kassa.catalog.inventory.count;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;

/** A stock-take was applied: its totals; each product's change went out as a {@code StockChanged} of reason count. */
@KassaEvent(topic = Topics.CATALOG)
public record StockCounted(
        long countId,
        String reference,
        String name,
        long products,
        long counted,
        long differing,
        BigDecimal surplusValue,
        BigDecimal shortageValue,
        long appliedBy,
        Instant appliedAt) {}
