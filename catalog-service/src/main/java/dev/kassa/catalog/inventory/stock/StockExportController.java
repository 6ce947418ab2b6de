package dev.kassa.catalog.inventory.stock;

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

/** The stock ledger and the batches as CSV or XLSX files. */
@RestController
@Tag(name = "stock")
class StockExportController {

    private final StockExportService exports;

    StockExportController(StockExportService exports) {
        this.exports = exports;
    }

    @Operation(
            summary = "The store's stock movements as a file, newest first, with the list's filters (product, reason): "
                    + "time, SKU, product, batch, reason, quantity (signed), the batch's cost, the value at that cost, "
                    + "reference, note, who; owners and managers")
    @GetMapping("/api/products/stock-movements/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> movements(ExportFormat format, @ParameterObject MovementFilter filter) {
        return exports.movements(format, filter);
    }

    @Operation(
            summary =
                    "The batches as a file, with the list's filters and ordering: number, barcode, product, supplier, "
                            + "quantity, held, purchase price, value, dates, days until expiry, active, expired, received; "
                            + "owners and managers")
    @GetMapping("/api/products/batches/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> batches(
            ExportFormat format, @ParameterObject BatchFilter filter, @RequestParam(required = false) String ordering) {
        return exports.batches(format, filter, ordering);
    }
}
