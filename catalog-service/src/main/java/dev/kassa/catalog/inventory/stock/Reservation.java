package dev.kassa.catalog.inventory.stock;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.catalog.catalogue.modifier.ModifierChoice;

import java.math.BigDecimal;
import java.util.List;

/**
 * What sales needs for a line: the product as sold now and the batches the quantity is held in; for an offline sale
 * allowed to be short ({@link ReserveRequest#allowShort()}), what no batch had is held without a batch; the options of
 * the product's modifier groups the line chose, with their prices now ({@code modifiers}).
 */
public record Reservation(
        String requestRef,
        Product product,
        List<Allocation> allocations,
        List<ModifierChoice> modifiers,
        @JsonIgnore BigDecimal madeShort) {

    Reservation(String requestRef, Product product, List<Allocation> allocations) {
        this(requestRef, product, allocations, List.of(), null);
    }

    /**
     * The hold of a product made of others: {@code madeShort} is how many of its units the components' batches could not
     * make (an offline sale's, held anyway).
     */
    Reservation(String requestRef, Product product, List<Allocation> allocations, BigDecimal madeShort) {
        this(requestRef, product, allocations, List.of(), madeShort);
    }

    /** This hold with the options its line chose. */
    Reservation with(List<ModifierChoice> chosen) {
        return new Reservation(requestRef, product, allocations, chosen, madeShort);
    }

    /**
     * What was held beyond the batches' stock of a product that tracks it, or for a product made of others the units its
     * components' batches could not make (zero for every till's hold).
     */
    @JsonProperty("shortfall")
    public BigDecimal shortfall() {
        if (madeShort != null) {
            return madeShort;
        }
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
