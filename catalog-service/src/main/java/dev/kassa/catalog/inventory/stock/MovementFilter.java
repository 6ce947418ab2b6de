package dev.kassa.catalog.inventory.stock;

import io.swagger.v3.oas.annotations.Parameter;

import static dev.kassa.platform.data.Values.blankToNull;

/** The stock movements list's filters, for the list and its export: one product's, and one reason's (sale, count, …). */
public record MovementFilter(
        Long product,
        @Parameter(description = "purchase, sale, refund, adjustment, count, write_off, damage, loss, expired, …")
                String reason) {

    public MovementFilter {
        reason = blankToNull(reason);
    }
}
