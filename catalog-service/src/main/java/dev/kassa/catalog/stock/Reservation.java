package dev.kassa.catalog.stock;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.catalog.modifier.ModifierChoice;

import java.math.BigDecimal;
import java.util.List;

/**
 * What sales needs for a line: the product as sold now and the batches the quantity is held in; for an offline sale
 * allowed to be short ({@link ReserveRequest#allowShort()}), what no batch had is held without a batch; the options of
 * the product's modifier groups the line chose, with their prices now ({@code modifiers}).
 */
public record Reservation(
        String requestRef, Product product, List<Allocation> allocations, List<ModifierChoice> modifiers) {

    Reservation(String requestRef, Product product, List<Allocation> allocations) {
        this(requestRef, product, allocations, List.of());
    }

    /** This hold with the options its line chose. */
    Reservation with(List<ModifierChoice> chosen) {
        return new Reservation(requestRef, product, allocations, chosen);
    }

    /** What was held beyond the batches' stock of a product that tracks it (zero for every till's hold). */
    @JsonProperty("shortfall")
    public BigDecimal shortfall() {
        return product.trackInventory()
                ? allocations.stream()
                        .filter(a -> a.batchId() == null)
                        .map(Allocation::quantity)
                        .reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add)
                : BigDecimal.ZERO.setScale(3);
    }

    public record Product(
            Long id,
            String name,
            String sku,
            String unit,
            BigDecimal salePrice,
            BigDecimal taxRate,
            boolean trackInventory) {}

    public record Allocation(
            Long reservationId, Long batchId, String batchNumber, BigDecimal quantity, BigDecimal unitCost) {}
}
