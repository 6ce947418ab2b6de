package dev.kassa.catalog.product;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.TenantMembershipFilter;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.tenancy.TenantProvisioner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The guests' menu for sales' public table page ({@code GET /m/{token}}, issue 65 point 6): only Kassa's own components may
 * ask ({@code /internal/}, checked before anything else), with no user behind the call, for the store sales resolved the
 * table's link to.
 */
@RestController
@Tag(name = "internal")
class ProductMenuController {

    /** The store's menu, in the order a guest reads it. */
    record Menu(List<ProductMenuRepository.MenuItem> items) {}

    private final ProductMenuRepository menu;
    private final TenantProvisioner tenants;

    ProductMenuController(ProductMenuRepository menu, TenantProvisioner tenants) {
        this.menu = menu;
        this.tenants = tenants;
    }

    @Operation(summary = "The store's products a guest may order now (active, in stock or not tracked), by category")
    @GetMapping("/internal/menu")
    Menu menu(@RequestHeader(name = TenantMembershipFilter.HEADER, required = false) String store) {
        if (store == null || !TenantKeys.isValidKey(store.trim())) {
            throw PlatformErrors.MISSING_TENANT_KEY.exception();
        }
        return TenantContext.call(tenants.ensureReady(store.trim()), () -> new Menu(menu.items()));
    }
}
