package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.MadeOfOthers;
import dev.kassa.catalog.catalogue.StockFigures;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.BindParam;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static dev.kassa.platform.data.Values.blankToNull;

/**
 * The product list's filters, read from the query of the list and of its export (spec C10, with the stock-status filter that failed in the original working) and its
 * orderings, as SQL over products with stock figures: sellable = unexpired active batches − active holds.
 */
public record ProductFilter(
        String search,
        Long category,
        Long unit,
        @BindParam("is_active") @Parameter(name = "is_active") Boolean active,
        @BindParam("is_featured") @Parameter(name = "is_featured") Boolean featured,
        @BindParam("min_price") @Parameter(name = "min_price") BigDecimal minPrice,
        @BindParam("max_price") @Parameter(name = "max_price") BigDecimal maxPrice,
        @BindParam("stock_status")
                @Parameter(name = "stock_status", description = "in_stock, low_stock, out_of_stock or unlimited")
                String stockStatus,
        Long tag,
        @BindParam("has_images") @Parameter(name = "has_images") Boolean hasImages,
        @BindParam("variant_of") @Parameter(name = "variant_of", description = "the variants of this product")
                Long variantOf) {

    /** A filter left blank ({@code stock_status=}) is no filter. */
    public ProductFilter {
        stockStatus = blankToNull(stockStatus);
    }

    static final Set<String> STATUSES = Set.of("in_stock", "low_stock", "out_of_stock", "unlimited");
    /**
     * Whether stock is kept of {@code p}: its own flag, or for a product made of others whether any component's is kept
     * (as the product's page says).
     */
    static final String TRACKED = "(case when " + MadeOfOthers.P
            + " then exists (select 1 from recipe_components rc join products c on c.id = rc.component_id"
            + " where rc.product_id = p.id and c.track_inventory) else p.track_inventory end)";
    /** What {@code p} has to sell now: for a product made of others, how many its tracked components make. */
    static String sellableNow(StockFigures stock) {
        return "coalesce(" + stock.makeable() + ", " + stock.available("p") + ")";
    }

    public static ProductFilter all(String search, Long category, Boolean active) {
        return new ProductFilter(search, category, null, active, null, null, null, null, null, null, null);
    }

    void validate() {
        FieldErrors errors = new FieldErrors();
        if (stockStatus != null && !STATUSES.contains(stockStatus)) {
            errors.add("stock_status", "catalog.stock_status_invalid");
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            errors.add("max_price", "validation.invalid");
        }
        errors.throwIfAny();
    }

    /** The where clause, with its named parameters put into {@code params}. */
    String where(Map<String, Object> params, StockFigures stock) {
        String like = LikePatterns.contains(search);
        StringBuilder sql = new StringBuilder(" where true");
        if (like != null) {
            sql.append(" and (p.name ilike :like or p.sku ilike :like or p.description ilike :like or p.barcode = :code"
                    + " or exists (select 1 from product_barcodes x where x.product_id = p.id and x.barcode = :code))");
            params.put("like", like);
            params.put("code", search.trim());
        }
        add(sql, params, " and p.category_id = :category", "category", category);
        add(sql, params, " and p.unit_id = :unit", "unit", unit);
        add(sql, params, " and p.variant_of = :variantOf", "variantOf", variantOf);
        add(sql, params, " and p.is_active = :active", "active", active);
        add(sql, params, " and p.is_featured = :featured", "featured", featured);
        add(sql, params, " and p.sale_price >= :minPrice", "minPrice", minPrice);
        add(sql, params, " and p.sale_price <= :maxPrice", "maxPrice", maxPrice);
        add(
                sql,
                params,
                " and exists (select 1 from product_tags t where t.product_id = p.id and t.tag_id = :tag)",
                "tag",
                tag);
        if (hasImages != null) {
            sql.append(hasImages ? " and" : " and not")
                    .append(" exists (select 1 from product_images i where i.product_id = p.id)");
        }
        if (stockStatus != null) {
            // expired batches are judged by the store's date, not the database's
            params.put("today", TenantContext.require().today());
            String sellableNow = sellableNow(stock);
            sql.append(
                    switch (stockStatus) {
                        case "unlimited" -> " and not " + TRACKED;
                        case "out_of_stock" -> " and " + TRACKED + " and " + sellableNow + " <= 0";
                        case "low_stock" -> " and " + TRACKED + " and " + sellableNow + " > 0 and " + sellableNow
                                + " <= p.min_quantity";
                        default -> " and " + TRACKED + " and " + sellableNow + " > p.min_quantity";
                    });
        }
        return sql.toString();
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            sql.append(clause);
            params.put(name, value);
        }
    }
}
