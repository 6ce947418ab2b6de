/** Production orders: what to make, how much, by when, and their status from new to done; uses catalog. */
package dev.kassa.production.order;
