package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A category's products (spec C4): served by the product feature, which knows categories (not the other way round). */
@RestController
class CategoryProductsController {

    private final ProductService products;

    CategoryProductsController(ProductService products) {
        this.products = products;
    }

    @Operation(summary = "Active products of a category; paginated")
    @GetMapping("/api/products/categories/{id}/products")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ProductView> products(@PathVariable long id, PageRequest page) {
        return PageResponse.of(
                products.inCategory(id, page.withSort(Sort.by("name").and(Sort.by("id")))), v -> v);
    }
}
