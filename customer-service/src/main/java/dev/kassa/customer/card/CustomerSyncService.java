package dev.kassa.customer.card;

import dev.kassa.platform.sync.ChangeFeed;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Delta sync for offline tills (issue 38): the customers changed since a cursor (their card, group and discount, balance
 * and available credit, points), as the customer endpoints show them, and the ids of those deleted, a page at a time. The
 * available credit is what a till may still put on credit now: less what other tills' sales in progress hold, whose holds
 * move the customer in the feed.
 */
@Service
class CustomerSyncService {

    /** A page of changes: the customers as they are now, the deleted ones' ids, where to go on from, whether more wait. */
    @Schema(name = "CustomerSyncPage")
    record Changes(List<CustomerResponse> customers, List<Long> deleted, String nextCursor, boolean hasMore) {}

    private final CustomerChangeRepository changes;
    private final CustomerQueryService customers;

    CustomerSyncService(CustomerChangeRepository changes, CustomerQueryService customers) {
        this.changes = changes;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    ChangeFeed.Answer<Changes> since(String cursor, int limit) {
        ChangeFeed.Page page = changes.after(ChangeFeed.Cursor.parse(cursor), limit);
        Map<Long, BigDecimal> held = page.changed().isEmpty() ? Map.of() : changes.heldCredit(page.changed());
        return new ChangeFeed.Answer<>(
                new Changes(
                        customers.views(page.changed()).stream()
                                .map(c -> c.lessHeld(held.getOrDefault(c.id(), BigDecimal.ZERO)))
                                .toList(),
                        page.deleted(),
                        page.next().text(),
                        page.hasMore()),
                page);
    }
}
