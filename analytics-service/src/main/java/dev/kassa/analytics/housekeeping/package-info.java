/** Rebuilding reports from the facts and the jobs that close days; uses customer, daily, inventory, period and product. */
package dev.kassa.analytics.housekeeping;
