/** Reports across an owner's several stores; uses daily, facts and period. */
package dev.kassa.analytics.stores;
