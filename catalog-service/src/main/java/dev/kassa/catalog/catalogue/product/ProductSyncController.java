package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.sync.ChangeFeed;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The products' delta sync for offline tills. */
@RestController
class ProductSyncController {

    private final ProductSyncService sync;

    ProductSyncController(ProductSyncService sync) {
        this.sync = sync;
    }

    @Operation(
            summary =
                    "Products changed since a cursor (delta sync for offline tills): the products as the product endpoints show "
                            + "them and the ids of deleted ones, oldest change first, limit (1–500, default 100) a page; "
                            + "next_cursor is where the next poll starts, has_more says another page waits. With no cursor, "
                            + "every product. A poll whose If-None-Match is the cursor it sends answers 304 when nothing "
                            + "changed since")
    @GetMapping("/api/products/sync/products")
    @PreAuthorize(Access.READ_CATALOG)
    ResponseEntity<ProductSyncService.Changes> products(ChangeFeed.Poll poll) {
        return sync.since(poll.cursor(), poll.limit()).respond(poll.ifNoneMatch());
    }
}
