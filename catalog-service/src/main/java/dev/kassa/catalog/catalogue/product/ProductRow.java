package dev.kassa.catalog.catalogue.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A product's own columns: as a product's page reads them ({@link ProductReadRepository}), or as a create writes them
 * ({@link NewProducts}: no id, dates or variant yet; its dates are the transaction's).
 */
record ProductRow(
        Long id,
        String name,
        String slug,
        String description,
        Long categoryId,
        String sku,
        String barcode,
        Long unitId,
        boolean isActive,
        boolean isFeatured,
        BigDecimal costPrice,
        BigDecimal salePrice,
        BigDecimal wholesalePrice,
        BigDecimal taxRate,
        BigDecimal minQuantity,
        BigDecimal maxQuantity,
        boolean trackInventory,
        boolean hazardous,
        Made made,
        Instant createdAt,
        Instant updatedAt,
        Long variantOf,
        Map<String, String> variantOptions)
        implements ProductFields {}
