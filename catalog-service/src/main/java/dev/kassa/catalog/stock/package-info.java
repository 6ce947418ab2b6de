/** The stock ledger: batches, movements, holds and reservations for tills, stock levels and low-stock events; uses no other feature. */
package dev.kassa.catalog.stock;
