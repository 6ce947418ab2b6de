package dev.kassa.catalog.inventory.stock;

import io.swagger.v3.oas.annotations.Parameter;

import static dev.kassa.platform.data.Values.blankToNull;

/**
 * The stock movements list's filters, for the list and its export: one product's, one reason's (sale, count, …), and
 * those of the batches at one location.
 */
public record MovementFilter(
        Long product,
        @Parameter(description = "purchase, sale, refund, adjustment, count, write_off, damage, loss, expired, move, …")
                String reason,
        @Parameter(description = "the id of the location whose batches moved") Long location) {

    public MovementFilter {
        reason = blankToNull(reason);
    }
}
