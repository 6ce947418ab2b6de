/** Customer cards (a customer's record), groups and the customers' change feed for tills; uses ledger. */
package dev.kassa.customer.card;
