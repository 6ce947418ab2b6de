/**
 * The inventory: what a store has and how it moves. The stock ledger (batches, movements, holds for tills, levels and
 * valuation), purchase orders and requirements, suppliers, stock counts, transfers between stores, stock by store and
 * the Kafka consumers that move stock on sales and transfers; owns their tables and the stock events
 * ({@code StockChanged}, {@code LowStockReached}, {@code BatchBlocked}, {@code StockLow}, {@code PurchaseOrderReceived},
 * {@code TransferShipped}, {@code TransferReceived}, {@code StockCounted}).
 *
 * <p>Uses the catalogue through what it publishes (products, codes, modifiers; its reference tables for reading) and
 * provides the catalogue's {@link dev.kassa.catalog.catalogue.StockFigures} and
 * {@link dev.kassa.catalog.catalogue.OpeningStock}. Publishes nothing inside the service: other services reach it by
 * HTTP and events only.
 */
package dev.kassa.catalog.inventory;
