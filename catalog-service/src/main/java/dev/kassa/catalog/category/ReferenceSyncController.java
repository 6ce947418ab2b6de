package dev.kassa.catalog.category;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.sync.ChangeFeed;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The categories' and units' delta sync for offline tills (the products': ProductSyncController). */
@RestController
class ReferenceSyncController {

    private final ReferenceSync sync;

    ReferenceSyncController(ReferenceSync sync) {
        this.sync = sync;
    }

    @Operation(
            summary =
                    "Categories changed since a cursor (delta sync for offline tills): as the category endpoints show "
                            + "them, the ids of deleted ones, oldest change first, limit (1–500, default 100) a page; "
                            + "next_cursor, has_more and a 304 to If-None-Match as for products")
    @GetMapping("/api/products/sync/categories")
    @PreAuthorize(Access.READ_CATALOG)
    ResponseEntity<ReferenceSync.Categories> categories(
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) @Min(1) @Max(ChangeFeed.MAX_LIMIT) Integer limit,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return sync.categories(cursor, limit == null ? ChangeFeed.DEFAULT_LIMIT : limit)
                .respond(ifNoneMatch);
    }

    @Operation(
            summary =
                    "Units changed since a cursor (delta sync for offline tills): as the unit endpoints show them, the "
                            + "ids of deleted ones, oldest change first, limit (1–500, default 100) a page; next_cursor, "
                            + "has_more and a 304 to If-None-Match as for products")
    @GetMapping("/api/products/sync/units")
    @PreAuthorize(Access.READ_CATALOG)
    ResponseEntity<ReferenceSync.Units> units(
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) @Min(1) @Max(ChangeFeed.MAX_LIMIT) Integer limit,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return sync.units(cursor, limit == null ? ChangeFeed.DEFAULT_LIMIT : limit)
                .respond(ifNoneMatch);
    }
}
