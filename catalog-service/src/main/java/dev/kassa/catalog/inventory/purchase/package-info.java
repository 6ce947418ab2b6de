/**
 * Purchase orders (issue 64, points 1-3): drafts to suppliers, ordered with a PDF, received into batches through the stock
 * ledger, closed or cancelled (the moves PurchaseOrderStatus allows); what to reorder from the ledger's sales; owns purchase_orders, purchase_order_lines, purchase_receipts, purchase_receipt_lines,
 * supplier_products and stock_low_alerts (StockLow once per fall under the reorder point); uses product and stock.
 */
package dev.kassa.catalog.inventory.purchase;
