package dev.kassa.catalog.inventory.purchase;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What to reorder (issue 64 point 3), from the ledger: a product's average daily sales over the last 28 days (net of
 * refunds), its sellable stock and what is on order. Its reorder point is what it sells over its supplier's lead time
 * plus its minimum (the safety stock the shop keeps); once stock and what is on order are at or under it, the
 * suggestion brings them up to what it sells over the lead time and {@code days_of_cover} more, plus the minimum,
 * rounded up to the supplier's pack size.
 */
@Service
public class RequirementService {

    /** The days of sales the average is over. */
    static final int WINDOW_DAYS = 28;

    /** The days of sales beyond the lead time a suggestion covers when none is asked (and a StockLow's covers). */
    static final int DAYS_OF_COVER = 14;

    /** At most this many products turned into orders at once. */
    static final int MAX_PRODUCTS = 10_000;

    /** A product's requirement: its demand, position, reorder point and what to order ({@code 0}: nothing). */
    public record Requirement(
            long product,
            String name,
            String sku,
            BigDecimal averageDailySales,
            BigDecimal stock,
            BigDecimal onOrder,
            BigDecimal minQuantity,
            Long supplier,
            String supplierName,
            int leadTimeDays,
            BigDecimal packSize,
            BigDecimal reorderPoint,
            BigDecimal suggestedQuantity,
            BigDecimal costPrice) {}

    /** The products to order (ids; none given: none, refused with the bound), and the days of sales to cover. */
    public record OrderRequest(
            @Size(min = 1, max = MAX_PRODUCTS, message = "catalog.requirement_products") List<@NotNull Long> products,
            @Min(value = 1, message = "catalog.requirement_cover")
                    @Max(value = 365, message = "catalog.requirement_cover")
                    Integer daysOfCover) {

        public OrderRequest {
            products = products == null ? List.of() : products;
        }
    }

    /** A product left out of the orders made, and why ({@code no_supplier}, {@code nothing_to_order}). */
    public record Skipped(long product, String reason) {}

    /** The drafts made, one per supplier, and the products left out. */
    public record Ordered(List<PurchaseOrderRepository.Row> orders, List<Skipped> skipped) {}

    private final RequirementRepository demand;
    private final PurchaseOrderService orders;
    private final SupplierProductRepository supplierProducts;
    private final PurchaseOrderRepository purchases;

    RequirementService(
            RequirementRepository demand,
            PurchaseOrderService orders,
            SupplierProductRepository supplierProducts,
            PurchaseOrderRepository purchases) {
        this.demand = demand;
        this.orders = orders;
        this.supplierProducts = supplierProducts;
        this.purchases = purchases;
    }

    /** The products a supplier delivers or has priced, by name. */
    @Transactional(readOnly = true)
    public List<SupplierProductRepository.SupplierProduct> supplierProducts(long supplierId) {
        if (!purchases.supplierExists(supplierId)) {
            throw CatalogErrors.SUPPLIER_NOT_FOUND.exception();
        }
        return supplierProducts.of(supplierId);
    }

    /** Sets a supplier's pack size for a product that keeps stock, and its cost when given. */
    @Transactional
    public SupplierProductRepository.SupplierProduct supplierProduct(
            long supplierId, long productId, BigDecimal packSize, BigDecimal cost) {
        if (!purchases.supplierExists(supplierId)) {
            throw CatalogErrors.SUPPLIER_NOT_FOUND.exception();
        }
        if (purchases.trackedCostPrices(List.of(productId)).isEmpty()) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
        supplierProducts.set(supplierId, productId, packSize.setScale(3, RoundingMode.UNNECESSARY), cost);
        return supplierProducts.find(supplierId, productId).orElseThrow();
    }

    /** Every active product that keeps stock ({@code products} null) or those named, by name. */
    @Transactional(readOnly = true)
    public List<Requirement> requirements(int daysOfCover, List<Long> products) {
        Tenant tenant = TenantContext.require();
        return demand.demand(windowStart(tenant), tenant.today(), products).stream()
                .map(d -> requirement(d, daysOfCover))
                .toList();
    }

    /** The first of the store's days whose sales the velocity counts ({@link #WINDOW_DAYS} before today, and today). */
    static LocalDate windowStart(Tenant tenant) {
        return tenant.today().minusDays(WINDOW_DAYS);
    }

    static Requirement requirement(RequirementRepository.Demand d, int daysOfCover) {
        BigDecimal daily = d.sold().divide(BigDecimal.valueOf(WINDOW_DAYS), 3, RoundingMode.HALF_UP);
        BigDecimal min = d.minQuantity() == null ? BigDecimal.ZERO : d.minQuantity();
        BigDecimal reorderPoint =
                daily.multiply(BigDecimal.valueOf(d.leadTimeDays())).add(min).setScale(3, RoundingMode.CEILING);
        BigDecimal position = d.stock().add(d.onOrder());
        BigDecimal suggested = BigDecimal.ZERO.setScale(3);
        BigDecimal upTo = daily.multiply(BigDecimal.valueOf((long) d.leadTimeDays() + daysOfCover))
                .add(min);
        if (position.compareTo(reorderPoint) <= 0 && upTo.compareTo(position) > 0) {
            BigDecimal pack = d.packSize().signum() > 0 ? d.packSize() : BigDecimal.ONE;
            suggested = upTo.subtract(position)
                    .divide(pack, 0, RoundingMode.CEILING)
                    .multiply(pack)
                    .setScale(3, RoundingMode.UNNECESSARY);
        }
        return new Requirement(
                d.product(),
                d.name(),
                d.sku(),
                daily,
                d.stock().setScale(3),
                d.onOrder().setScale(3),
                min.setScale(3),
                d.supplier(),
                d.supplierName(),
                d.leadTimeDays(),
                d.packSize().setScale(3),
                reorderPoint,
                suggested,
                d.cost());
    }

    /**
     * Draft orders, one per supplier, of the suggested quantities of {@code products} (at the supplier's last cost); a
     * product without a supplier or with nothing to order is left out and named.
     */
    @Transactional
    public Ordered order(Caller caller, OrderRequest r) {
        int cover = cover(r.daysOfCover());
        List<Long> ids = List.copyOf(new LinkedHashSet<>(r.products()));
        Map<Long, Requirement> found = new LinkedHashMap<>();
        requirements(cover, ids).forEach(q -> found.put(q.product(), q));
        FieldErrors errors = new FieldErrors();
        ids.stream()
                .filter(id -> !found.containsKey(id))
                .forEach(id -> errors.add("products", "catalog.purchase_product_unknown", String.valueOf(id)));
        errors.throwIfAny();
        Map<Long, List<PurchaseOrderService.PurchaseLineForm>> bySupplier = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (long id : ids) {
            Requirement q = found.get(id);
            if (q.supplier() == null) {
                skipped.add(new Skipped(id, "no_supplier"));
            } else if (q.suggestedQuantity().signum() == 0) {
                skipped.add(new Skipped(id, "nothing_to_order"));
            } else {
                bySupplier
                        .computeIfAbsent(q.supplier(), s -> new ArrayList<>())
                        .add(new PurchaseOrderService.PurchaseLineForm(id, q.suggestedQuantity(), null));
            }
        }
        List<PurchaseOrderRepository.Row> made = new ArrayList<>();
        bySupplier.forEach((supplier, lines) -> made.add(
                orders.create(caller, new PurchaseOrderService.PurchaseOrderRequest(supplier, null, "", lines))));
        return new Ordered(made, skipped);
    }

    /** {@code days_of_cover}: 1–365, 14 when not given. */
    static int cover(Integer days) {
        if (days == null) {
            return DAYS_OF_COVER;
        }
        if (days < 1 || days > 365) {
            throw FieldErrors.single("days_of_cover", "catalog.requirement_cover");
        }
        return days;
    }
}
