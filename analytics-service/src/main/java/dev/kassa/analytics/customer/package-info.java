/** Customers' RFM segments and their settings, computed from the sale facts; uses period. */
package dev.kassa.analytics.customer;
