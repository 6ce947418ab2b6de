/** Stock-takes: counts opened over a scope (the whole store or one location), lines from several devices, differences applied to the ledger; uses product and stock. */
package dev.kassa.catalog.inventory.count;
