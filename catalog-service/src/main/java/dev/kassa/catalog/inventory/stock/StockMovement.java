package dev.kassa.catalog.inventory.stock;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/** One change of a product's stock as its history shows it: a receipt, sale, refund, adjustment or write-off. */
@Schema(name = "Movement")
public record StockMovement(
        long id,
        long product,
        Long batch,
        String batchNumber,
        @Schema(description = "the location of the batch moved (null: a movement of no batch)") Long location,
        BigDecimal quantity,
        String reason,
        String reference,
        String note,
        Long createdBy,
        Instant createdAt) {}
