package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

import java.math.BigDecimal;
import java.time.Instant;

@RestController
@RequestMapping("/api/products/products")
class ProductController {

    /** A shelf label: the product as printed, its price, how many copies and when it was made. */
    record Label(LabelProduct product, LabelPrice price, int quantity, Instant generatedAt) {}

    /** {@code barcode_format} is EAN13 for a valid 13-digit EAN, else CODE128. */
    record LabelProduct(Long id, String name, String sku, String barcode, String barcodeFormat, String unit) {}

    /** {@code formatted_price} groups thousands with spaces and uses a decimal comma. */
    record LabelPrice(BigDecimal salePrice, String formattedPrice, String currency) {}

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @Operation(
            summary =
                    "List products: search (name, SKU, description, barcode, extra barcode), category, unit, is_active, is_featured, "
                            + "min_price, max_price, stock_status (in_stock, low_stock, out_of_stock, unlimited), tag, has_images; ordering name, created_at, "
                            + "updated_at, sale_price ('-' for descending; default -created_at)")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ProductView> list(
            @ParameterObject ProductFilter filter, @RequestParam(required = false) String ordering, PageRequest page) {
        return PageResponse.of(products.list(filter, ordering, page), v -> v);
    }

    @Operation(summary = "Featured products that are for sale")
    @GetMapping("/featured")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ProductView> featured(PageRequest page) {
        return PageResponse.of(
                products.list(
                        new ProductFilter(null, null, null, true, true, null, null, null, null, null, null),
                        "name",
                        page),
                v -> v);
    }

    @Operation(summary = "Tracked products with nothing left to sell")
    @GetMapping("/out_of_stock")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ProductView> outOfStock(PageRequest page) {
        return PageResponse.of(
                products.list(
                        new ProductFilter(null, null, null, true, null, null, null, "out_of_stock", null, null, null),
                        "name",
                        page),
                v -> v);
    }

    @Operation(
            summary =
                    "What a shelf label needs: name, SKU, barcode and its format, unit, price formatted in sum; ?quantity= labels (1–1000); ?format=pdf answers the labels printed (see the PDF operation of this path)")
    @GetMapping("/{id}/print-label")
    @PreAuthorize(Access.READ_CATALOG)
    Success<Label> label(
            @PathVariable long id,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String format) {
        if (format != null && !format.isBlank() && !"json".equals(format.trim())) {
            throw FieldErrors.single("format", "catalog.label_format_invalid");
        }
        int copies = ShelfLabel.copies(quantity);
        ShelfLabel shelf = ShelfLabel.of(products.get(id));
        LabelProduct product = new LabelProduct(
                shelf.id(), shelf.name(), shelf.sku(), shelf.barcode(), shelf.barcodeFormat(), shelf.unit());
        return Success.of(new Label(
                product, new LabelPrice(shelf.salePrice(), shelf.formattedPrice(), "сум"), copies, Instant.now()));
    }

    @Operation(
            summary = "Low stock: tracked products with 0 < available ≤ their minimum (or ?min_quantity=); paginated")
    @GetMapping("/low-stock")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ProductView> lowStock(
            @RequestParam(name = "min_quantity", required = false) BigDecimal minQuantity, PageRequest page) {
        return PageResponse.of(
                products.lowStock(minQuantity, page.withSort(Sort.by("name").and(Sort.by("id")))), v -> v);
    }

    @Operation(summary = "Create a product with pricing, inventory settings and its first batch, in one transaction")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    ProductView create(@RequestBody CreateProductRequest request) {
        return products.create(request);
    }

    @Operation(
            summary =
                    "Replace a product's details and prices (name required); stock changes through batches and adjustments")
    @PutMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    ProductView replace(@PathVariable long id, @RequestBody CreateProductRequest request) {
        return products.update(id, request, false);
    }

    @Operation(
            summary =
                    "Change some of a product's details or prices, e.g. {\"sale_price\": 80000} or {\"is_active\": false}")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    ProductView update(@PathVariable long id, @RequestBody CreateProductRequest request) {
        return products.update(id, request, true);
    }

    @Operation(summary = "Delete a product never sold (owner only); a product with sales is deactivated instead")
    @DeleteMapping("/{id}")
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
}
