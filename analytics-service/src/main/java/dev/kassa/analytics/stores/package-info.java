/** Reports across an owner's several stores; uses daily and period. */
package dev.kassa.analytics.stores;
