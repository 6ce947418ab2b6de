package dev.kassa.catalog.catalogue.category;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.sync.ChangeFeed;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The categories' and units' delta sync for offline tills (the products': ProductSyncController). */
@RestController
class ReferenceSyncController {

    private final ReferenceSyncService sync;

    ReferenceSyncController(ReferenceSyncService sync) {
        this.sync = sync;
    }

    @Operation(
            summary =
                    "Categories changed since a cursor (delta sync for offline tills): as the category endpoints show "
                            + "them, the ids of deleted ones, oldest change first, limit (1–500, default 100) a page; "
                            + "next_cursor, has_more and a 304 to If-None-Match as for products")
    @GetMapping("/api/products/sync/categories")
    @PreAuthorize(Access.READ_CATALOG)
    ResponseEntity<ReferenceSyncService.Categories> categories(ChangeFeed.Poll poll) {
        return sync.categories(poll.cursor(), poll.limit()).respond(poll.ifNoneMatch());
    }

    @Operation(
            summary =
                    "Units changed since a cursor (delta sync for offline tills): as the unit endpoints show them, the "
                            + "ids of deleted ones, oldest change first, limit (1–500, default 100) a page; next_cursor, "
                            + "has_more and a 304 to If-None-Match as for products")
    @GetMapping("/api/products/sync/units")
    @PreAuthorize(Access.READ_CATALOG)
    ResponseEntity<ReferenceSyncService.Units> units(ChangeFeed.Poll poll) {
        return sync.units(poll.cursor(), poll.limit()).respond(poll.ifNoneMatch());
    }
}
