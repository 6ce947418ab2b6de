/** Stock snapshots and the inventory report; uses period. */
package dev.kassa.analytics.inventory;
