package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.data.Coded;

/**
 * When a product with a recipe is made (issue 87 point 2): on sale (a latte: its stock is what its components allow, a
 * sale takes them) or ahead (a film, a loaf: it keeps its own stock of finished batches, a sale takes those). A product
 * without a recipe is sold from its own stock either way. The SQL of which products are made of others is
 * {@link dev.kassa.catalog.catalogue.MadeOfOthers}.
 */
public enum Made implements Coded {
    ON_SALE,
    AHEAD;

    /** The constant of a code a row holds or a form has passed ({@code on_sale}, {@code ahead}). */
    static Made of(String code) {
        return Coded.of(Made.class, code).orElseThrow(() -> new IllegalArgumentException("No way of making " + code));
    }
}
