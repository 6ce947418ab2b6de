package dev.kassa.catalog.catalogue.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What a product's page shows of its own row: the entity, or the row a product read takes in one statement with its
 * unit, category, stock, batches and images ({@link ProductReadRepository}).
 */
interface ProductFields {

    Long id();

    String name();

    String slug();

    String description();

    Long categoryId();

    String sku();

    String barcode();

    Long unitId();

    boolean isActive();

    boolean isFeatured();

    BigDecimal costPrice();

    BigDecimal salePrice();

    BigDecimal wholesalePrice();

    BigDecimal taxRate();

    BigDecimal minQuantity();

    BigDecimal maxQuantity();

    boolean trackInventory();

    boolean hazardous();

    /** When it is made if it has a recipe: on sale of its components, or ahead into stock of its own. */
    Made made();

    Instant createdAt();

    Instant updatedAt();

    Long variantOf();

    Map<String, String> variantOptions();
}
