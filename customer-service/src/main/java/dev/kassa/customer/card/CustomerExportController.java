package dev.kassa.customer.card;

import dev.kassa.platform.data.Coded;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.OneOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @ApiResponse(
            responseCode = "200",
            description = "The file, streamed (Content-Disposition names the list, the store and the day)",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary"))
            })
    @GetMapping("/api/customers/customers/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "csv") @OneOf(of = ExportFormat.class, message = "validation.export_format")
                    String format,
            @ParameterObject CustomerFilter filter,
            @RequestParam(required = false) String ordering) {
        return exports.export(Coded.of(ExportFormat.class, format).orElseThrow(), filter, ordering);
    }
}
