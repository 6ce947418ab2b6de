package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.sync.ChangeFeed;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Delta sync for offline tills (issue 38): the products changed since a cursor, as the product endpoints show them, and
 * the ids of those deleted, in the order their changes became visible, a page at a time. A till that polls with the
 * cursor it was given transfers only what changed; nothing changed answers the same cursor.
 */
@Service
public class ProductSyncService {

    /** A page of changes: the products as they are now, the deleted ones' ids, where to go on from, and whether more wait. */
    @Schema(name = "ProductSyncPage")
    public record Changes(List<ProductView> products, List<Long> deleted, String nextCursor, boolean hasMore) {}

    private final ProductChangeRepository changes;
    private final ProductService products;

    ProductSyncService(ProductChangeRepository changes, ProductService products) {
        this.changes = changes;
        this.products = products;
    }

    @Transactional(readOnly = true)
    public ChangeFeed.Answer<Changes> since(String cursor, int limit) {
        ChangeFeed.Page page = changes.after(ChangeFeed.Cursor.parse(cursor), limit);
        return new ChangeFeed.Answer<>(
                new Changes(
                        products.views(page.changed()),
                        page.deleted(),
                        page.next().text(),
                        page.hasMore()),
                page);
    }
}
