package dev.kassa.sales.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** Catalog's answer to a reservation (sales reads only these fields). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hold(String requestRef, Product product, List<Allocation> allocations) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(Long id, String name, String sku, String unit, BigDecimal salePrice, BigDecimal taxRate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Allocation(Long batchId, String batchNumber, BigDecimal quantity, BigDecimal unitCost) {}
}
