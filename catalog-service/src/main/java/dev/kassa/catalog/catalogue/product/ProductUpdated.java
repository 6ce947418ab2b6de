package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product's details changed; {@code priceChanged} names the prices that moved ({@code sale_price}, {@code cost_price});
 * {@code categoryId} and {@code categoryName} its category now, null when it has none.
 */
@KassaEvent(topic = Topics.CATALOG)
public record ProductUpdated(
        long productId,
        String name,
        String sku,
        String barcode,
        BigDecimal salePrice,
        BigDecimal costPrice,
        BigDecimal taxRate,
        BigDecimal minQuantity,
        BigDecimal maxQuantity,
        boolean isActive,
        List<String> priceChanged,
        Long categoryId,
        String categoryName) {}
