package dev.kassa.catalog.catalogue.product;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * New products many at a time (a chunk of an imported file; the product form is a chunk of one): which of their codes
 * the store already uses, and the products written in one statement. A fragment of {@link ProductRepository}.
 */
public interface NewProducts {

    /** The codes asked about that the store already uses: SKUs, barcodes (a product's own or extra) and slugs. */
    record Taken(Set<String> skus, Set<String> barcodes, Set<String> slugs) {}

    /** One query for the three kinds of code. */
    Taken taken(Collection<String> skus, Collection<String> barcodes, Collection<String> slugs);

    /** The products in one statement: their ids, in the rows' order (their slugs are distinct). */
    List<Long> insert(List<ProductRow> rows);

    /**
     * PostgreSQL's statistics of the products and their batches taken now, rows this transaction wrote included, so
     * that statements are planned for the tables as they are (plans kept for their size before are made again).
     */
    void analyze();
}
