package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;

/** A batch was blocked (quarantine, recall): no longer held or sold until approved; {@code held}: what tills held of it. */
@KassaEvent(topic = Topics.CATALOG)
public record BatchBlocked(
        long batchId,
        String batchNumber,
        long productId,
        String productName,
        BigDecimal quantity,
        BigDecimal held,
        String reason,
        long blockedBy) {}
