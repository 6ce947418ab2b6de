/** The stock ledger: batches, movements, holds and reservations for tills, stock levels and low-stock events; uses modifier (the options a held line chose). */
package dev.kassa.catalog.inventory.stock;
