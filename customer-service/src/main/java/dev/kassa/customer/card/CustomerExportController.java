package dev.kassa.customer.card;

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

/** The customer list as a CSV or XLSX file, with balances, credit and points. */
@RestController
@Tag(name = "customer")
class CustomerExportController {

    private final CustomerExportService exports;

    CustomerExportController(CustomerExportService exports) {
        this.exports = exports;
    }

    @Operation(
            summary =
                    "The customer list as a file: ?format=csv (default) or xlsx, with the list's filters and ordering; "
                            + "name, phones, e-mail, type, company, tax id, group, balance, credit limit, points, purchases and "
                            + "their count, last purchase, birthday, active, blocked, since. Russian headers, English with "
                            + "Accept-Language: en; owners and managers")
    @GetMapping("/api/customers/customers/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(
            ExportFormat format,
            @ParameterObject CustomerFilter filter,
            @RequestParam(required = false) String ordering) {
        return exports.export(format, filter, ordering);
    }
}
