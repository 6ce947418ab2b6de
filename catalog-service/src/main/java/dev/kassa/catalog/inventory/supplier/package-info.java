/** Suppliers; uses stock (a supplier's batches). */
package dev.kassa.catalog.inventory.supplier;
