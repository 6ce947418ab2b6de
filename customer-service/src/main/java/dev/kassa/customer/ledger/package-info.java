/** Each customer's ledger of balance and points changes; uses no other feature. */
package dev.kassa.customer.ledger;
