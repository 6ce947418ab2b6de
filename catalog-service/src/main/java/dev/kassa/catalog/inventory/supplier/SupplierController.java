package dev.kassa.catalog.inventory.supplier;

import dev.kassa.catalog.inventory.stock.BatchRepository;
import dev.kassa.catalog.inventory.stock.StockService;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.Whole;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Suppliers (spec C28, C29): stock is received from them; managers, owners and stockkeepers keep the list. */
@RestController
@RequestMapping("/api/products/suppliers")
class SupplierController {

    private final SupplierService suppliers;
    private final StockService stock;

    SupplierController(SupplierService suppliers, StockService stock) {
        this.suppliers = suppliers;
        this.stock = stock;
    }

    @Operation(
            summary =
                    "Suppliers: filters is_active, rating; search over name, code, contact person, email, phone; ordering name, rating, created_at")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<SupplierRepository.Supplier> list(
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) Integer rating,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        Pageable pageable = page;
        return PageResponse.of(
                suppliers.page(
                        new SupplierRepository.Filter(active, rating, LikePatterns.contains(search)),
                        ordering,
                        pageable),
                v -> v);
    }

    @Operation(
            summary =
                    "Add a supplier: {name, code?, contact_person?, email?, phone?, address?, website?, payment_terms?, "
                            + "delivery_time? (days), min_order_amount?, rating? (0–5), is_active?, notes?}")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    SupplierRepository.Supplier create(@Validated(Whole.class) @RequestBody SupplierService.SupplierRequest r) {
        return suppliers.create(r);
    }

    @Operation(summary = "One supplier with the number of batches received from it")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    SupplierRepository.Supplier get(@PathVariable long id) {
        return suppliers.get(id);
    }

    @Operation(summary = "Replace a supplier (name required)")
    @PutMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    SupplierRepository.Supplier replace(
            @PathVariable long id, @Validated(Whole.class) @RequestBody SupplierService.SupplierRequest r) {
        return update(id, r, false);
    }

    @Operation(summary = "Change some of a supplier's fields")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    SupplierRepository.Supplier patch(@PathVariable long id, @Valid @RequestBody SupplierService.SupplierRequest r) {
        return update(id, r, true);
    }

    @Operation(summary = "Delete a supplier (owner only); its batches keep their supplier name")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        suppliers.delete(id);
    }

    @Operation(summary = "Batches received from a supplier")
    @GetMapping("/{id}/batches")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<BatchRepository.View> batches(@PathVariable long id, PageRequest page) {
        suppliers.get(id);
        return PageResponse.of(
                stock.batches(
                        new BatchRepository.Filter(
                                null,
                                null,
                                null,
                                null,
                                id,
                                null,
                                TenantContext.require().today(),
                                null,
                                null),
                        "-received_at",
                        page),
                v -> v);
    }

    private SupplierRepository.Supplier update(long id, SupplierService.SupplierRequest r, boolean partial) {
        return suppliers.update(id, r, partial);
    }
}
