package dev.kassa.customer.card;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.sync.ChangeFeed;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customers' delta sync for offline tills. */
@RestController
class CustomerSyncController {

    private final CustomerSyncService sync;

    CustomerSyncController(CustomerSyncService sync) {
        this.sync = sync;
    }

    @Operation(
            summary =
                    "Customers changed since a cursor (delta sync for offline tills): the customers as the customer endpoints "
                            + "show them (group and discount, balance and available credit, points) and the ids of deleted "
                            + "ones, oldest change first, limit (1–500, default 100) a page; next_cursor is where the next "
                            + "poll starts, has_more says another page waits. With no cursor, every customer. A poll whose "
                            + "If-None-Match is the cursor it sends answers 304 when nothing changed since")
    @GetMapping("/api/customers/sync/customers")
    @PreAuthorize(Access.READ_CUSTOMERS)
    ResponseEntity<CustomerSyncService.Changes> customers(ChangeFeed.Poll poll) {
        return sync.since(poll.cursor(), poll.limit()).respond(poll.ifNoneMatch());
    }
}
