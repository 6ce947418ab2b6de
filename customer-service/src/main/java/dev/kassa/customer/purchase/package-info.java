/** Customers' purchase history and totals; uses card. */
package dev.kassa.customer.purchase;
