/** A store's daily sales reports and period totals, kept up to date from the sale facts; uses facts and period. */
package dev.kassa.analytics.daily;
