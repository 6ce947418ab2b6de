package dev.kassa.catalog.inventory.stores;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One product across the stores the caller owns or manages (issue 64 point 7): the product as this store has it, and
 * in each other store the product with the same SKU (or, without one, the same barcode), each store read in a short
 * read-only transaction of its own (never one transaction over two stores, which may live in different databases).
 */
@Service
class StockByStoreService {

    /** The roles that see a store's stock and its value. */
    private static final Set<Role> SEES = Set.of(Role.OWNER, Role.MANAGER);

    /** A store's figures: {@code product} null when the store does not have the product. */
    record StoreStock(
            String tenantKey,
            String storeName,
            boolean current,
            Long product,
            BigDecimal onHand,
            BigDecimal available,
            BigDecimal onOrder,
            BigDecimal inTransit,
            BigDecimal stockValue,
            List<StockByStoreRepository.AtLocation> locations) {}

    /** The product, how it was matched in the other stores, each store's figures and their sums. */
    record StockByStore(
            long product,
            String name,
            String sku,
            String barcode,
            String matchedBy,
            List<StoreStock> stores,
            BigDecimal onHand,
            BigDecimal available,
            BigDecimal onOrder,
            BigDecimal inTransit,
            BigDecimal stockValue) {}

    private final StockByStoreRepository stock;
    private final TenantProvisioner tenants;
    private final TenantRegistry registry;
    private final TransactionTemplate readOnly;

    StockByStoreService(
            StockByStoreRepository stock,
            TenantProvisioner tenants,
            TenantRegistry registry,
            PlatformTransactionManager transactions) {
        this.stock = stock;
        this.tenants = tenants;
        this.registry = registry;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    StockByStore of(Caller caller, long productId) {
        Tenant here = TenantContext.require();
        StockByStoreRepository.Held mine = readOnly.execute(s -> stock.byId(productId, here.today()))
                .orElseThrow(() -> CatalogErrors.PRODUCT_NOT_FOUND.exception());
        // the stores the caller owns or manages now: a role taken away in one since the token was issued counts as none
        List<String> others = caller.storesWhere(SEES).stream()
                .filter(key -> !key.equals(here.key()))
                .toList();
        String sku = FieldErrors.blank(mine.sku()) ? null : mine.sku();
        String barcode = FieldErrors.blank(mine.barcode()) ? null : mine.barcode();
        List<StoreStock> stores = new ArrayList<>();
        stores.add(figures(here.key(), true, Optional.of(mine)));
        for (String key : others) {
            Tenant tenant = tenants.ensureReady(key);
            Optional<StockByStoreRepository.Held> found = TenantContext.call(
                    tenant, () -> readOnly.execute(s -> stock.byCodes(sku, barcode, tenant.today())));
            stores.add(figures(key, false, found));
        }
        return new StockByStore(
                mine.product(),
                mine.name(),
                mine.sku(),
                mine.barcode(),
                sku != null ? "sku" : "barcode",
                stores,
                sum(stores, StoreStock::onHand),
                sum(stores, StoreStock::available),
                sum(stores, StoreStock::onOrder),
                sum(stores, StoreStock::inTransit),
                sum(stores, StoreStock::stockValue));
    }

    private StoreStock figures(String key, boolean current, Optional<StockByStoreRepository.Held> held) {
        String name = registry.profile(key).map(TenantRegistry.Profile::name).orElse("");
        BigDecimal zero = BigDecimal.ZERO.setScale(3);
        if (held.isEmpty()) {
            return new StoreStock(
                    key, name, current, null, zero, zero, zero, zero, BigDecimal.ZERO.setScale(2), List.of());
        }
        StockByStoreRepository.Held h = held.get();
        return new StoreStock(
                key,
                name,
                current,
                h.product(),
                h.onHand().setScale(3),
                h.sellable().subtract(h.held()).max(BigDecimal.ZERO).setScale(3),
                h.onOrder().setScale(3),
                h.inTransit().setScale(3),
                h.value().setScale(2),
                h.locations());
    }

    private static BigDecimal sum(List<StoreStock> stores, java.util.function.Function<StoreStock, BigDecimal> figure) {
        return stores.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
