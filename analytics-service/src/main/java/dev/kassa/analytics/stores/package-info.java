/** Reports across an owner's several stores; uses daily, facts, inventory and period. */
package dev.kassa.analytics.stores;
