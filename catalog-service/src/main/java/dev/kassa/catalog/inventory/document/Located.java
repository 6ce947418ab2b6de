package dev.kassa.catalog.inventory.document;

/**
 * A document found: its kind, its number as printed, the record it is the paper of (the purchase order, the batch
 * received by hand, the transfer or the count; none for a move, which is only its movements) and, for an order's
 * receipt, which receipt.
 */
record Located(DocumentType type, String number, Long id, Long receipt) {}
