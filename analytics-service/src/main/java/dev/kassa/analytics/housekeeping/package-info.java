/** Rebuilding reports from the facts and the jobs that close days; uses customer, daily, inventory, period, product and profit. */
package dev.kassa.analytics.housekeeping;
