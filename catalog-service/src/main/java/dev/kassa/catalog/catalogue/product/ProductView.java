package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.catalog.catalogue.image.ImageView;
import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Product detail (spec §3.4.2) with flat price and stock fields for list clients; a variant names its parent ({@code
 * variant_of}) and what sets it apart ({@code options}); a product with a recipe ({@code has_recipe}) made on sale
 * ({@code made}: {@code on_sale}) shows its components' cost and how many they make as its cost and stock, one made
 * ahead ({@code ahead}) its own, as any other product.
 */
@NamedInterface("products")
public record ProductView(
        Long id,
        String name,
        String slug,
        String description,
        Long category,
        String categoryName,
        String sku,
        String barcode,
        Long unit,
        String unitName,
        String unitShort,
        boolean isActive,
        boolean isFeatured,
        BigDecimal costPrice,
        BigDecimal salePrice,
        BigDecimal margin,
        Pricing pricing,
        Inventory inventory,
        BigDecimal quantity,
        String stockStatus,
        List<BatchView> batches,
        String mainImage,
        List<ImageView> images,
        Instant createdAt,
        Instant updatedAt,
        Long variantOf,
        Map<String, String> options,
        boolean hasRecipe,
        String made) {

    public record Pricing(
            BigDecimal costPrice,
            BigDecimal salePrice,
            BigDecimal wholesalePrice,
            BigDecimal taxRate,
            BigDecimal margin,
            BigDecimal profit) {}

    /** {@code unavailable_quantity}: on hand in batches pending a check or blocked, never held or sold. */
    public record Inventory(
            BigDecimal quantity,
            BigDecimal reservedQuantity,
            BigDecimal availableQuantity,
            BigDecimal unavailableQuantity,
            BigDecimal minQuantity,
            BigDecimal maxQuantity,
            boolean trackInventory,
            boolean hazardous,
            boolean isLowStock,
            String stockStatus) {}

    public record BatchView(
            Long id,
            String batchNumber,
            String barcode,
            BigDecimal quantity,
            BigDecimal purchasePrice,
            LocalDate expiryDate,
            boolean isExpired,
            Instant receivedAt,
            Long location,
            String locationCode) {}

    /** {@code images}: the product's gallery in order; its first image is {@code main_image} (an absolute address). */
    static ProductView of(
            ProductFields p,
            String categoryName,
            String unitName,
            String unitShort,
            StockLevel level,
            boolean hasRecipe,
            List<BatchView> batches,
            List<ImageView> images) {
        String status = stockStatus(p, level);
        // a product made on sale of others: its cost and stock are its components' (how many they make now)
        boolean tracked = tracked(p, level);
        BigDecimal cost = level.composite() ? level.recipeCost() : p.costPrice();
        BigDecimal margin = Product.margin(cost, p.salePrice());
        BigDecimal quantity = tracked ? level.onHand() : null;
        return new ProductView(
                p.id(),
                p.name(),
                p.slug(),
                p.description(),
                p.categoryId(),
                categoryName,
                p.sku(),
                p.barcode(),
                p.unitId(),
                unitName,
                unitShort,
                p.isActive(),
                p.isFeatured(),
                cost,
                p.salePrice(),
                margin,
                new Pricing(
                        cost,
                        p.salePrice(),
                        p.wholesalePrice(),
                        p.taxRate(),
                        margin,
                        p.salePrice().subtract(cost)),
                inventoryOf(p, level, tracked, quantity, status),
                quantity,
                status,
                batches,
                images.isEmpty() ? null : images.get(0).imageUrl(),
                images,
                p.createdAt(),
                p.updatedAt(),
                p.variantOf(),
                p.variantOptions(),
                hasRecipe,
                p.made().code());
    }

    /** Whether its cost and stock are its components' (a recipe, made on sale), not its own. */
    boolean fromComponents() {
        return hasRecipe && Made.ON_SALE.code().equals(made);
    }

    /** The product's stock ({@code quantity} on hand): what is held, available and not, only when it is kept. */
    private static Inventory inventoryOf(
            ProductFields p, StockLevel level, boolean tracked, BigDecimal quantity, String status) {
        boolean low =
                tracked && level.available().signum() > 0 && level.available().compareTo(p.minQuantity()) <= 0;
        return new Inventory(
                quantity,
                level.reserved(),
                tracked ? level.available() : null,
                tracked ? level.unavailable() : null,
                p.minQuantity(),
                p.maxQuantity(),
                p.trackInventory(),
                p.hazardous(),
                low,
                status);
    }

    /** Whether stock is kept of it: its own flag, or for a product made of others whether any component's is kept. */
    static boolean tracked(ProductFields p, StockLevel level) {
        return level.composite() ? level.makeable() != null : p.trackInventory();
    }

    /** unlimited (not tracked), out_of_stock, low_stock (0 < available ≤ minimum) or in_stock. */
    static String stockStatus(ProductFields p, StockLevel level) {
        if (!tracked(p, level)) {
            return "unlimited";
        }
        if (level.available().signum() <= 0) {
            return "out_of_stock";
        }
        return level.available().compareTo(p.minQuantity()) <= 0 ? "low_stock" : "in_stock";
    }
}
