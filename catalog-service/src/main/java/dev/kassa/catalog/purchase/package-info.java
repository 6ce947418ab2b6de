/**
 * Purchase orders (issue 64, points 1-2): drafts to suppliers, ordered with a PDF, received into batches through the stock
 * ledger, closed or cancelled; owns purchase_orders, purchase_order_lines, purchase_receipts, purchase_receipt_lines and
 * supplier_products; uses product and stock.
 */
package dev.kassa.catalog.purchase;
