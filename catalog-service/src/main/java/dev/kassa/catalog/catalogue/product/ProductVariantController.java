package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A product's variants (issue 65 point 1): each a product of its own that a till scans. */
@RestController
class ProductVariantController {

    private final ProductVariantService variants;

    ProductVariantController(ProductVariantService variants) {
        this.variants = variants;
    }

    @Operation(summary = "A product's variants, in the order they were made")
    @GetMapping("/api/products/products/{id}/variants")
    @PreAuthorize(Access.READ_CATALOG)
    List<ProductView> list(@PathVariable long id) {
        return variants.of(id);
    }

    @Operation(
            summary = "Add a variant: {options: {\"size\": \"M\"} (1-3, the same names for every variant), sku?, "
                    + "barcode?, sale_price?, cost_price? (the parent's when left out), initial_quantity?, name?}")
    @PostMapping("/api/products/products/{id}/variants")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    ProductView create(@PathVariable long id, @Valid @RequestBody ProductVariantService.VariantRequest r) {
        return variants.create(id, r);
    }
}
