package dev.kassa.sales.till;

import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The sales list as a CSV or XLSX file, a row per sale or per sold line. */
@RestController
@Tag(name = "till")
class SaleExportController {

    private final SaleExportService exports;

    SaleExportController(SaleExportService exports) {
        this.exports = exports;
    }

    @Operation(
            summary =
                    "The sales list as a file: ?format=csv (default) or xlsx, with the list's filters and ordering; a row "
                            + "per sale (receipt, status, business date, time, register, cashier, customer, quantity, subtotal, "
                            + "discount, tax, total, paid in cash, by card, otherwise) or, with lines=true, per sold line. Russian "
                            + "headers, English with Accept-Language: en; times in the store's zone; owners and managers")
    @GetMapping("/api/sales/sales/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(
            ExportFormat format,
            @RequestParam(defaultValue = "false") boolean lines,
            @Valid @ParameterObject SaleFilter filter,
            @RequestParam(required = false) String ordering) {
        return exports.export(format, filter, ordering, lines);
    }
}
