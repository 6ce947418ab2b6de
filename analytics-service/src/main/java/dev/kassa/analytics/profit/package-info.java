/**
 * Cost of goods sold and gross profit (issue 63 point 7): each line's cost is the batch cost catalog took the goods at,
 * and the reports group the period's net sales, cost, gross profit and margin by day, product, category or cashier;
 * owns cashier_daily; uses facts, product and period.
 */
package dev.kassa.analytics.profit;
