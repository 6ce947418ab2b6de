/** Releasing an order to the floor: its materials checked and held in catalog; uses order and catalog. */
package dev.kassa.production.release;
