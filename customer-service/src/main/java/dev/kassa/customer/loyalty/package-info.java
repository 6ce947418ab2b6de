/** Loyalty points and their rules; uses card, ledger and purchase. */
package dev.kassa.customer.loyalty;
