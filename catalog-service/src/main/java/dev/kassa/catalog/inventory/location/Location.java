package dev.kassa.catalog.inventory.location;

import java.math.BigDecimal;
import java.time.Instant;

/** A location of the store, with what lies there now: its active batches' units. */
public record Location(
        long id,
        String code,
        String name,
        String type,
        boolean isActive,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt,
        BigDecimal stockQuantity) {}
