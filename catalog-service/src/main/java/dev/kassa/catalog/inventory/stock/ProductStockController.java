package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.product.ProductService;
import dev.kassa.catalog.catalogue.product.ProductView;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** Adjustments and write-offs of a product's stock (spec C24–C26, rewrite), answered with the product as it is afterwards. */
@RestController
class ProductStockController {

    /** The original's {@code update_quantity}: the counted quantity on hand. */
    record SetQuantityRequest(@NotNull BigDecimal quantity, String reason, String note) {}

    private final StockService stock;
    private final ProductService products;

    ProductStockController(StockService stock, ProductService products) {
        this.stock = stock;
        this.products = products;
    }

    @Operation(
            summary =
                    "Adjust stock with a reason: {quantity_change (signed) | counted_quantity, reason (adjustment, count, write_off, "
                            + "damage, loss, expired, return_to_supplier, other), batch?, note?}; answers the product")
    @PostMapping("/api/products/products/{id}/adjust-stock")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    ProductView adjust(@PathVariable long id, @RequestBody StockService.AdjustRequest request, Caller caller) {
        stock.adjust(caller, id, request);
        return products.get(id);
    }

    @Operation(summary = "The original's adjust_quantity: {adjustment (signed), reason?, note?}")
    @PatchMapping("/api/products/products/{id}/adjust_quantity")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    ProductView adjustQuantity(@PathVariable long id, @RequestBody StockService.AdjustRequest request, Caller caller) {
        return adjust(id, request, caller);
    }

    @Operation(
            summary =
                    "The original's update_quantity: {quantity} as counted; the difference is recorded as a count correction")
    @PatchMapping("/api/products/products/{id}/update_quantity")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    ProductView setQuantity(@PathVariable long id, @Valid @RequestBody SetQuantityRequest request, Caller caller) {
        stock.adjust(
                caller,
                id,
                new StockService.AdjustRequest(
                        null,
                        null,
                        null,
                        request.quantity(),
                        request.reason() == null ? "count" : request.reason(),
                        request.note()));
        return products.get(id);
    }
}
