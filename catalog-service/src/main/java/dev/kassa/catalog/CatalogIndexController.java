package dev.kassa.catalog;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog's index of resources (spec C38; the seed README calls it to show that each store sees its own catalog). */
@RestController
class CatalogIndexController {

    private static final List<String> RESOURCES = List.of(
            "products",
            "categories",
            "units",
            "attributes",
            "attribute-values",
            "category-attributes",
            "batches",
            "suppliers",
            "barcodes",
            "tags",
            "reservations",
            "stock-movements");

    @Operation(summary = "Links to the catalog's resources")
    @GetMapping("/api/products")
    @PreAuthorize(Access.READ_CATALOG)
    Map<String, String> index() {
        Map<String, String> links = new LinkedHashMap<>();
        RESOURCES.forEach(r -> links.put(r, "/api/products/" + r + "/"));
        return links;
    }
}
