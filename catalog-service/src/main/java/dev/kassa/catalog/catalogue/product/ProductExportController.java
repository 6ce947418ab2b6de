package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The product list as a CSV or XLSX file, for a shop's back office and its accountant. */
@RestController
@Tag(name = "product")
class ProductExportController {

    private final ProductExportService exports;

    ProductExportController(ProductExportService exports) {
        this.exports = exports;
    }

    @Operation(
            summary =
                    "The product list as a file: ?format=csv (default) or xlsx, with the list's filters and ordering; "
                            + "SKU, barcode, name, category, unit, prices, stock, available, stock value at cost, minimum, "
                            + "active, description, last change. Russian headers, English with Accept-Language: en; owners and "
                            + "managers")
    @GetMapping("/api/products/products/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(
            ExportFormat format,
            @ParameterObject ProductFilter filter,
            @RequestParam(required = false) String ordering) {
        return exports.export(format, filter, ordering);
    }
}
