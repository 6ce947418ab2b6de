package dev.kassa.catalog.product;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping("/api/products/products")
class ProductController {

    private static final Map<String, String> ORDERING = Map.of("name", "name", "created_at", "createdAt", "updated_at", "updatedAt",
            "sale_price", "salePrice");

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @Operation(summary = "List products: search (name, SKU, barcode), category, is_active, ordering (name, created_at, sale_price; '-' for descending)")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ProductView> list(@RequestParam(required = false) String search, @RequestParam(required = false) Long category,
                                   @RequestParam(name = "is_active", required = false) Boolean active,
                                   @RequestParam(required = false) String ordering, @RequestParam(required = false) String page,
                                   @RequestParam(name = "page_size", required = false) String pageSize) {
        return PageResponse.of(products.list(search == null || search.isBlank() ? null : search.trim(), category, active,
                PageRequests.of(page, pageSize, sort(ordering))), v -> v);
    }

    @Operation(summary = "Low stock: tracked products with 0 < available ≤ their minimum (or ?min_quantity=); paginated")
    @GetMapping({"/low-stock", "/low_stock"})
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ProductView> lowStock(@RequestParam(name = "min_quantity", required = false) java.math.BigDecimal minQuantity,
                                       @RequestParam(required = false) String page, @RequestParam(name = "page_size", required = false) String pageSize) {
        return PageResponse.of(products.lowStock(minQuantity, PageRequests.of(page, pageSize, Sort.by("name").and(Sort.by("id")))), v -> v);
    }

    @Operation(summary = "Create a product with pricing, inventory settings and its first batch, in one transaction")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    ProductView create(@RequestBody CreateProductRequest request) {
        return products.create(request);
    }

    @Operation(summary = "Replace a product's details and prices (name required); stock changes through batches and adjustments")
    @org.springframework.web.bind.annotation.PutMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    ProductView replace(@PathVariable long id, @RequestBody CreateProductRequest request) {
        return products.update(id, request, false);
    }

    @Operation(summary = "Change some of a product's details or prices, e.g. {\"sale_price\": 80000} or {\"is_active\": false}")
    @org.springframework.web.bind.annotation.PatchMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    ProductView update(@PathVariable long id, @RequestBody CreateProductRequest request) {
        return products.update(id, request, true);
    }

    @Operation(summary = "Delete a product never sold (owner only); a product with sales is deactivated instead")
    @org.springframework.web.bind.annotation.DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        products.delete(id);
    }

    @Operation(summary = "Product detail with pricing, stock and batches")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    ProductView get(@PathVariable long id) {
        return products.get(id);
    }

    private static Sort sort(String ordering) {
        if (ordering == null || ordering.isBlank()) {
            return Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id"));
        }
        boolean desc = ordering.startsWith("-");
        String property = ORDERING.getOrDefault(desc ? ordering.substring(1) : ordering, "createdAt");
        return Sort.by(desc ? Sort.Direction.DESC : Sort.Direction.ASC, property).and(Sort.by("id"));
    }
}
