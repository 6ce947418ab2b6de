/**
 * An owner's or manager's stores side by side (issue 64 point 7): one product's stock, what is on order and its value in
 * each of the caller's stores, each read in its own store's read-only transaction; owns no table; reads stock's,
 * purchase orders' and transfers' tables.
 */
package dev.kassa.catalog.inventory.stores;
