package dev.kassa.catalog.stock;

import java.math.BigDecimal;
import java.util.List;

/** What sales needs for a line: the product as sold now and the batches the quantity is held in. */
public record Reservation(String requestRef, Product product, List<Allocation> allocations) {

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
