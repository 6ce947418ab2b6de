/** The owner's dashboard: one read over daily, inventory, product, shift and webhook figures; owns no table. */
package dev.kassa.analytics.dashboard;
