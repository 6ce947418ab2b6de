package dev.kassa.customer.customer;

import dev.kassa.platform.sync.ChangeFeed;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Delta sync for offline tills (issue 38): the customers changed since a cursor (their card, group and discount, balance
 * and available credit, points), as the customer endpoints show them, and the ids of those deleted, a page at a time.
 */
@Service
class CustomerSync {

    /** A page of changes: the customers as they are now, the deleted ones' ids, where to go on from, whether more wait. */
    @Schema(name = "CustomerSyncPage")
    record Changes(List<CustomerResponse> customers, List<Long> deleted, String nextCursor, boolean hasMore) {}

    private final CustomerChanges changes;
    private final CustomerQueries customers;

    CustomerSync(CustomerChanges changes, CustomerQueries customers) {
        this.changes = changes;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    ChangeFeed.Answer<Changes> since(String cursor, int limit) {
        ChangeFeed.Page page = changes.after(ChangeFeed.Cursor.parse(cursor), limit);
        return new ChangeFeed.Answer<>(
                new Changes(
                        customers.views(page.changed()),
                        page.deleted(),
                        page.next().text(),
                        page.hasMore()),
                page);
    }
}
