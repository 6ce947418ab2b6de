/** Stock-takes: counts opened over a scope, lines from several devices, differences applied to the ledger; uses product and stock. */
package dev.kassa.catalog.inventory.count;
