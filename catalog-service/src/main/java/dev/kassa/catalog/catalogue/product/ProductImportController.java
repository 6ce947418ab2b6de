package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.imports.ImportJob;
import dev.kassa.platform.imports.ImportOptions;
import dev.kassa.platform.imports.Imports;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.UUID;

/** A shop's spreadsheet of products into its catalogue, as a job the caller follows. */
@RestController
@Tag(name = "product")
class ProductImportController {

    private final Imports imports;

    ProductImportController(Imports imports) {
        this.imports = imports;
    }

    @Operation(
            summary =
                    "Import products from a spreadsheet (multipart: file, CSV or XLSX, at most 20 MB and 100 000 rows; "
                            + "dry_run, match=sku|barcode, all_or_nothing): 202 with the job to follow. The products export's "
                            + "columns, headers in Russian or English; a row finds its product by the match column, by name when "
                            + "that cell is empty; an empty cell changes nothing; a new product's quantity becomes its first batch "
                            + "(movement reason import); missing categories and units are made. Owners and managers")
    @PostMapping(value = "/api/products/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Access.FILES)
    ResponseEntity<ImportJob> startImport(
            @RequestPart(required = false) MultipartFile file,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String match,
            @RequestParam(name = "all_or_nothing", defaultValue = "false") boolean allOrNothing,
            Caller caller) {
        return imports.upload(
                ProductImportService.KIND,
                file,
                new ImportOptions(dryRun, match, allOrNothing, caller.userId()),
                "/api/products/imports/");
    }

    @Operation(
            summary = "A products import: status (queued, running, done, failed), progress, counts (created, updated, "
                    + "unchanged, refused), whether it was applied, and each refused row's reasons (row, column, code, "
                    + "message). Owners and managers")
    @GetMapping("/api/products/imports/{id}")
    @PreAuthorize(Access.FILES)
    ImportJob importJob(@PathVariable UUID id) {
        return imports.get(ProductImportService.KIND, id);
    }
}
