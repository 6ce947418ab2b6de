package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Products of one store shared with another of its owner's stores, or changed since they were (the event's store is the
 * source): each product's catalogue entry as the source has it, with the chain-wide key that makes it the same product
 * in every store. Catalog's chain consumer creates or updates the destination's copy inside the destination's
 * transaction, once; a copy's own sale price and active flag, once the destination has set them, are left alone. At most
 * {@link #CHUNK} products an event.
 */
@KassaEvent(topic = Topics.CATALOG)
public record ProductsShared(String fromStore, String toStore, Long sharedBy, List<Entry> products) {

    /** Products in one event at most. */
    public static final int CHUNK = 500;

    /**
     * A product's catalogue entry; {@code costPrice} only seeds a new copy (each store's cost follows its receipts);
     * {@code made} null in an entry sent before products said it (a new copy is then made on sale, a known one
     * unchanged).
     */
    public record Entry(
            String chainKey,
            long productId,
            String name,
            String description,
            String sku,
            String barcode,
            String unit,
            String category,
            BigDecimal costPrice,
            BigDecimal salePrice,
            BigDecimal wholesalePrice,
            BigDecimal taxRate,
            boolean trackInventory,
            boolean hazardous,
            boolean isActive,
            String made) {}
}
