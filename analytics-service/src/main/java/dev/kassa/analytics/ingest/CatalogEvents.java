package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.analytics.product.ProductRepository;

import java.math.BigDecimal;

/** The parts of catalog's events that analytics reads (contracts: docs/events.md). */
final class CatalogEvents {
    private CatalogEvents() {}

    /** What analytics keeps of a product, as both its events carry it. */
    interface ProductFields {
        long productId();

        String name();

        String sku();

        String barcode();

        BigDecimal salePrice();

        BigDecimal costPrice();

        BigDecimal minQuantity();

        BigDecimal maxQuantity();

        Boolean isActive();

        default ProductRepository.Product product() {
            return new ProductRepository.Product(
                    productId(),
                    name(),
                    sku(),
                    barcode(),
                    salePrice(),
                    costPrice(),
                    minQuantity(),
                    maxQuantity(),
                    isActive() == null || isActive());
        }
    }

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
            Boolean trackInventory)
            implements ProductFields {}

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
            Boolean isActive)
            implements ProductFields {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductDeleted(long productId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockChanged(long productId, BigDecimal onHand, BigDecimal available) {}
}
