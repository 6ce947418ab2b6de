package dev.kassa.sales.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * Catalog's answer to a reservation (sales reads only these fields); {@code shortfall} is what an offline sale allowed to
 * be short held beyond the batches' stock (zero otherwise); {@code modifiers} the options the line chose, with their
 * prices now.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hold(
        String requestRef,
        Product product,
        List<Allocation> allocations,
        BigDecimal shortfall,
        List<Modifier> modifiers) {

    public Hold {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
    }

    /** One unit's price: the product's with what the options chosen add. */
    public BigDecimal unitPrice() {
        return product.salePrice().add(Modifier.sum(modifiers));
    }

    /** Whether catalog held part of the line beyond the stock it has. */
    public boolean isShort() {
        return shortfall != null && shortfall.signum() > 0;
    }

    /**
     * This hold sold at {@code price} a unit instead of the catalogue's (an offline till's price that has changed since):
     * the options keep their prices, the product's takes the difference.
     */
    public Hold at(BigDecimal price) {
        return new Hold(
                requestRef,
                new Product(
                        product.id(),
                        product.name(),
                        product.sku(),
                        product.unit(),
                        price.subtract(Modifier.sum(modifiers)),
                        product.taxRate()),
                allocations,
                shortfall,
                modifiers);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(Long id, String name, String sku, String unit, BigDecimal salePrice, BigDecimal taxRate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Allocation(Long batchId, String batchNumber, BigDecimal quantity, BigDecimal unitCost) {}
}
