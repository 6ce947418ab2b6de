package dev.kassa.catalog.inventory.purchase;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** What to reorder (issue 64 point 3), draft orders made of it, and a supplier's pack sizes and last costs. */
@RestController
class RequirementController {

    /** The drafts made (one per supplier) and the products left out with why. */
    record RequirementOrders(
            List<PurchaseOrderController.PurchaseOrderView> orders, List<RequirementService.Skipped> skipped) {}

    /** A supplier's pack size for a product, and its cost (kept as the supplier's last when given). */
    record SupplierProductForm(@NotNull @Quantity(positive = true) BigDecimal packSize, @Money BigDecimal costPrice) {}

    private final RequirementService requirements;
    private final PurchaseOrderService orders;

    RequirementController(RequirementService requirements, PurchaseOrderService orders) {
        this.requirements = requirements;
        this.orders = orders;
    }

    @Operation(
            summary =
                    "What to reorder, by name: per product the average daily sales of the last 28 days (from the ledger), "
                            + "sellable stock, quantity on order, its supplier's lead time and pack size, the reorder point and the "
                            + "suggested quantity; days_of_cover (1–365, default 14), supplier (id), needed (true, the default: only "
                            + "what should be ordered now; false: every product that keeps stock)")
    @GetMapping("/api/products/requirements")
    @PreAuthorize(Access.READ_STOCK_VALUE)
    PageResponse<RequirementService.Requirement> list(
            @RequestParam(name = "days_of_cover", required = false) String days,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String needed,
            PageRequest page) {
        FieldErrors errors = new FieldErrors();
        Integer cover = null;
        if (!FieldErrors.blank(days)) {
            try {
                cover = Integer.valueOf(days.trim());
            } catch (NumberFormatException e) {
                errors.add("days_of_cover", "catalog.requirement_cover");
            }
        }
        Long supplierId = FieldErrors.blank(supplier) ? null : errors.id("supplier", supplier);
        if (!FieldErrors.blank(needed) && !List.of("true", "false").contains(needed.trim())) {
            errors.add("needed", "validation.invalid");
        }
        errors.throwIfAny();
        boolean onlyNeeded = FieldErrors.blank(needed) || Boolean.parseBoolean(needed.trim());
        List<RequirementService.Requirement> all =
                requirements.requirements(RequirementService.cover(cover), null).stream()
                        .filter(q -> supplierId == null || Objects.equals(q.supplier(), supplierId))
                        .filter(q -> !onlyNeeded || q.suggestedQuantity().signum() > 0)
                        .toList();
        int from = (int) Math.min(page.getOffset(), all.size());
        int to = (int) Math.min(page.getOffset() + page.getPageSize(), all.size());
        return PageResponse.of(new PageImpl<>(all.subList(from, to), page, all.size()), q -> q);
    }

    @Operation(
            summary =
                    "Draft purchase orders from a selection: {products: [ids], days_of_cover?}; one draft per supplier "
                            + "with the suggested quantities at the supplier's last cost; products without a supplier or with "
                            + "nothing to order are named in skipped")
    @PostMapping("/api/products/requirements/purchase-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_INVENTORY)
    RequirementOrders order(@Valid @RequestBody RequirementService.OrderRequest request, Caller caller) {
        RequirementService.Ordered made = requirements.order(caller, request);
        return new RequirementOrders(
                made.orders().stream()
                        .map(o -> PurchaseOrderController.PurchaseOrderView.of(o, orders.lines(o.id()), null))
                        .toList(),
                made.skipped());
    }

    @Operation(summary = "The products a supplier delivers: its last cost, pack size and last delivery of each")
    @GetMapping("/api/products/suppliers/{id}/products")
    @PreAuthorize(Access.READ_STOCK_VALUE)
    List<SupplierProductRepository.SupplierProduct> supplierProducts(@PathVariable long id) {
        return requirements.supplierProducts(id);
    }

    @Operation(
            summary =
                    "Set a supplier's pack size for a product: {pack_size, cost_price?} (orders it suggests are rounded "
                            + "up to the pack; the cost becomes the supplier's last)")
    @PutMapping("/api/products/suppliers/{id}/products/{product}")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    SupplierProductRepository.SupplierProduct setSupplierProduct(
            @PathVariable long id, @PathVariable long product, @Valid @RequestBody SupplierProductForm form) {
        return requirements.supplierProduct(id, product, form.packSize(), form.costPrice());
    }
}
