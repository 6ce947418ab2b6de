/** The plant's dashboard (issue 87 point 9): lines, activities and alerts from production's events; uses no other feature. */
package dev.kassa.analytics.production;
