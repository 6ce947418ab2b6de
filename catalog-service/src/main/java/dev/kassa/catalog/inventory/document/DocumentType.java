package dev.kassa.catalog.inventory.document;

import dev.kassa.platform.data.Coded;
import dev.kassa.platform.security.Access;

/** The kinds of warehouse document, each readable by whoever may read what it is the paper of. */
enum DocumentType implements Coded {
    /** Goods taken in: a purchase order's receipt, or a batch received by hand (its {@code receipt} movement). */
    GOODS_RECEIPT(Access.READ_STOCK_VALUE),
    /** What a shipped transfer carries, batch by batch, for the driver and the receiving store. */
    TRANSFER_WAYBILL(Access.READ_STOCK_VALUE),
    /** A move between the store's locations (its {@code move} movements under one reference). */
    MOVE_NOTE(Access.READ_CATALOG),
    /** A stock-take's products, with a column to write the counted figure. */
    COUNT_SHEET(Access.READ_CATALOG);

    private final String access;

    DocumentType(String access) {
        this.access = access;
    }

    /** The {@code Access} rule a caller passes to read the document: the one of the record it is the paper of. */
    String access() {
        return access;
    }
}
