/**
 * Locations inside a store (issue 86 point 1): a sales floor, a back room, a warehouse's coded stages; owns
 * {@code locations}, every store's default one among them. Uses no other feature (stock lies at a location, and moves
 * between them, through the stock ledger).
 */
package dev.kassa.catalog.inventory.location;
