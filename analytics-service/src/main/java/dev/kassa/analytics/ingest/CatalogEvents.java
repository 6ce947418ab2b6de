package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** The parts of catalog's events that analytics reads (contracts: docs/events.md). */
final class CatalogEvents {
    private CatalogEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductCreated(
            long productId,
            String name,
            String sku,
            String barcode,
            BigDecimal salePrice,
            BigDecimal costPrice,
            BigDecimal minQuantity,
            BigDecimal maxQuantity,
            Boolean isActive,
            Boolean trackInventory) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductUpdated(
            long productId,
            String name,
            String sku,
            String barcode,
            BigDecimal salePrice,
            BigDecimal costPrice,
            BigDecimal minQuantity,
            BigDecimal maxQuantity,
            Boolean isActive) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductDeleted(long productId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockChanged(long productId, BigDecimal onHand, BigDecimal available) {}
}
