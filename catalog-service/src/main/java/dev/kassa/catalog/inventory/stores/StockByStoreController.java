package dev.kassa.catalog.inventory.stores;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One product's stock across the caller's stores (issue 64 point 7). */
@RestController
class StockByStoreController {

    private final StockByStoreService stores;

    StockByStoreController(StockByStoreService stores) {
        this.stores = stores;
    }

    @Operation(
            summary = "One product's stock in every store the caller owns or manages: on hand, available, on order, in "
                    + "transit and its value at cost per store (this store first, then the others by key) with what lies at "
                    + "each of its locations, the product "
                    + "matched by SKU (by barcode when it has none), and their sums")
    @GetMapping("/api/products/products/{id}/stock-by-store")
    @PreAuthorize(Access.READ_STOCK_VALUE)
    StockByStoreService.StockByStore stockByStore(Caller caller, @PathVariable long id) {
        return stores.of(caller, id);
    }
}
