package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;

/**
 * A product was added to the store's catalogue; {@code maxQuantity} is null when no maximum is set; {@code trackInventory}
 * false for a product without stock (a service), which is never out of stock; {@code categoryId} and {@code categoryName}
 * null for a product without a category (reports group sales and profit by them).
 */
@KassaEvent(topic = Topics.CATALOG)
public record ProductCreated(
        long productId,
        String name,
        String sku,
        String barcode,
        BigDecimal salePrice,
        BigDecimal costPrice,
        BigDecimal minQuantity,
        BigDecimal maxQuantity,
        boolean isActive,
        boolean trackInventory,
        Long categoryId,
        String categoryName) {}
