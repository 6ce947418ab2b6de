package dev.kassa.catalog.product;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import org.springframework.stereotype.Service;

import java.util.List;

/** The guests' menu of a store that sales names (no user behind the call: the store's context is set here). */
@Service
class ProductMenuService {

    /** The store's menu, in the order a guest reads it. */
    record Menu(List<ProductMenuRepository.MenuItem> items) {}

    private final ProductMenuRepository menu;
    private final TenantProvisioner tenants;

    ProductMenuService(ProductMenuRepository menu, TenantProvisioner tenants) {
        this.menu = menu;
        this.tenants = tenants;
    }

    /** The store's menu; only the products {@code ids} names when it names any. */
    Menu of(String store, List<Long> ids) {
        return TenantContext.call(tenants.ensureReady(store), () -> new Menu(menu.items(ids)));
    }
}
