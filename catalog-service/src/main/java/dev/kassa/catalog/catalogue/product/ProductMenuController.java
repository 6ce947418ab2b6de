package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.TenantMembershipFilter;
import dev.kassa.platform.tenancy.TenantKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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

    private final ProductMenuService menu;

    ProductMenuController(ProductMenuService menu) {
        this.menu = menu;
    }

    @Operation(
            summary = "The store's products a guest may order now (active, in stock or not tracked), by category; "
                    + "?ids=1,2: only those of them (a waiter's order lines)")
    @GetMapping("/internal/menu")
    ProductMenuService.Menu menu(
            @RequestHeader(name = TenantMembershipFilter.HEADER, required = false) String store,
            @RequestParam(required = false) List<Long> ids) {
        if (store == null || !TenantKeys.isValidKey(store.trim())) {
            throw PlatformErrors.MISSING_TENANT_KEY.exception();
        }
        return menu.of(store.trim(), ids == null ? List.of() : ids);
    }

    /** Lines a waiter or a guest adds to an order. */
    record MenuLines(@NotEmpty @Size(max = 50) List<ProductMenuService.@Valid @NotNull MenuLine> lines) {}

    /** The lines priced, in their order. */
    record PricedLines(List<ProductMenuService.PricedLine> lines) {}

    @Operation(
            summary =
                    "Price lines an order would take by the menu of now: each dish (item null when the menu no longer "
                            + "offers it) with the modifier options it chose, checked as a till's hold checks them")
    @PostMapping("/internal/menu/lines")
    PricedLines price(
            @RequestHeader(name = TenantMembershipFilter.HEADER, required = false) String store,
            @Valid @RequestBody MenuLines request) {
        if (store == null || !TenantKeys.isValidKey(store.trim())) {
            throw PlatformErrors.MISSING_TENANT_KEY.exception();
        }
        return new PricedLines(menu.price(store.trim(), request.lines()));
    }
}
