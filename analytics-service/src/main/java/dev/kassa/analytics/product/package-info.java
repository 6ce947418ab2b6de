/** Product performance and top ranges over a period; uses period. */
package dev.kassa.analytics.product;
