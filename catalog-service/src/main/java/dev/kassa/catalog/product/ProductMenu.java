package dev.kassa.catalog.product;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import org.springframework.stereotype.Service;

import java.util.List;

/** The guests' menu of a store that sales names (no user behind the call: the store's context is set here). */
@Service
class ProductMenu {

    /** The store's menu, in the order a guest reads it. */
    record Menu(List<ProductMenuRepository.MenuItem> items) {}

    private final ProductMenuRepository menu;
    private final TenantProvisioner tenants;

    ProductMenu(ProductMenuRepository menu, TenantProvisioner tenants) {
        this.menu = menu;
        this.tenants = tenants;
    }

    Menu of(String store) {
        return TenantContext.call(tenants.ensureReady(store), () -> new Menu(menu.items()));
    }
}
