/**
 * Transfers between an owner's stores (issue 64 points 5-6): owns {@code transfers}, {@code transfer_lines},
 * {@code transfer_parts} and {@code transfer_receipts}; each store keeps its own copy, handed over through
 * {@code TransferShipped} and {@code TransferReceived}; uses stock (the goods leave and come through its ledger), product and
 * purchase (a product's cost follows what came, as after a purchase).
 */
package dev.kassa.catalog.inventory.transfer;
