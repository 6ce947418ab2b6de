/** Product performance and top ranges over a period; uses facts and period. */
package dev.kassa.analytics.product;
