package dev.kassa.sales.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * Catalog's answer to a reservation (sales reads only these fields); {@code shortfall} is what an offline sale allowed to
 * be short held beyond the batches' stock (zero otherwise).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hold(String requestRef, Product product, List<Allocation> allocations, BigDecimal shortfall) {

    /** Whether catalog held part of the line beyond the stock it has. */
    public boolean isShort() {
        return shortfall != null && shortfall.signum() > 0;
    }

    /** This hold sold at {@code price} instead of the catalogue's (an offline till's price that has changed since). */
    public Hold at(BigDecimal price) {
        return new Hold(
                requestRef,
                new Product(product.id(), product.name(), product.sku(), product.unit(), price, product.taxRate()),
                allocations,
                shortfall);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(Long id, String name, String sku, String unit, BigDecimal salePrice, BigDecimal taxRate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Allocation(Long batchId, String batchNumber, BigDecimal quantity, BigDecimal unitCost) {}
}
