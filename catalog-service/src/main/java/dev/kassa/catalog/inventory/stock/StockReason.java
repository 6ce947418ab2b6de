package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.data.Coded;

import java.util.Optional;

/** Why stock moved: each movement of the ledger has one, written as {@link #code()} in its row and its events. */
public enum StockReason implements Coded {
    /** Goods received by hand into a new batch (or a new product's first stock from its form). */
    RECEIPT,
    /** A new product's first stock from an imported file. */
    IMPORT,
    /** Goods a purchase order brought. */
    PURCHASE,
    /** Goods leaving for, or coming from, another of the owner's stores. */
    TRANSFER,
    /** Goods moved between two locations of the store (a batch split: out of one, into its copy at the other). */
    MOVE,
    /** Goods a till sold. */
    SALE,
    /** Goods a refund brought back. */
    REFUND,
    /** A stock count's difference (or an adjustment to a counted quantity). */
    COUNT,
    ADJUSTMENT,
    WRITE_OFF,
    DAMAGE,
    LOSS,
    EXPIRED,
    RETURN_TO_SUPPLIER,
    OTHER;

    /** Goods from outside the owner's stores, which wait for a check when the store checks new batches first. */
    boolean checkedOnArrival() {
        return this == RECEIPT || this == PURCHASE;
    }

    /** A reason a person may give an adjustment of a product's stock. */
    public boolean adjustment() {
        return ordinal() >= COUNT.ordinal();
    }

    /** An adjustment that only ever lowers the stock (goods gone). */
    public boolean decreasing() {
        return this == WRITE_OFF || this == DAMAGE || this == LOSS || this == EXPIRED || this == RETURN_TO_SUPPLIER;
    }

    /** The reason a wire name names, if any. */
    public static Optional<StockReason> parse(String wire) {
        return Coded.of(StockReason.class, wire);
    }
}
