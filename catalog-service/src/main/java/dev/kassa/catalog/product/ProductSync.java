package dev.kassa.catalog.product;

import dev.kassa.platform.error.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delta sync for offline tills (issue 38): the products changed since a cursor, as the product endpoints show them, and
 * the ids of those deleted, in the order their changes became visible, a page at a time. A till that polls with the
 * cursor it was given transfers only what changed; nothing changed answers the same cursor.
 */
@Service
public class ProductSync {

    /** A page of changes: the products as they are now, the deleted ones' ids, where to go on from, and whether more wait. */
    public record Changes(List<ProductView> products, List<Long> deleted, String nextCursor, boolean hasMore) {}

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private static final Pattern CURSOR = Pattern.compile("(\\d{1,20})-(\\d{1,19})");

    private final ProductChanges changes;
    private final ProductService products;

    ProductSync(ProductChanges changes, ProductService products) {
        this.changes = changes;
        this.products = products;
    }

    @Transactional(readOnly = true)
    public Changes since(String cursor, int limit) {
        ProductChanges.Cursor from = parse(cursor);
        List<ProductChanges.Change> page = changes.after(from, limit);
        List<Long> changed = page.stream()
                .filter(c -> !c.deleted())
                .map(ProductChanges.Change::productId)
                .toList();
        List<Long> deleted = page.stream()
                .filter(ProductChanges.Change::deleted)
                .map(ProductChanges.Change::productId)
                .toList();
        ProductChanges.Cursor next =
                page.isEmpty() ? from : page.get(page.size() - 1).at();
        return new Changes(products.views(changed), deleted, text(next), page.size() == limit);
    }

    /** {@code <transaction>-<number>}, as {@link Changes#nextCursor()} gives it; none is the start. */
    static ProductChanges.Cursor parse(String cursor) {
        if (FieldErrors.blank(cursor)) {
            return ProductChanges.Cursor.START;
        }
        Matcher m = CURSOR.matcher(cursor.trim());
        if (!m.matches()) {
            throw FieldErrors.single("cursor", "catalog.sync_cursor_invalid");
        }
        try {
            // a transaction id is an unsigned 64-bit number (xid8)
            return new ProductChanges.Cursor(
                    Long.toUnsignedString(Long.parseUnsignedLong(m.group(1))), Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            throw FieldErrors.single("cursor", "catalog.sync_cursor_invalid");
        }
    }

    static String text(ProductChanges.Cursor cursor) {
        return cursor.xid() + "-" + cursor.seq();
    }
}
