/** Periods and dates as the reports' parameters read them; uses no other feature. */
package dev.kassa.analytics.period;
