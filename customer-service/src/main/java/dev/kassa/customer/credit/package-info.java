/** Buying on credit: holds against a customer's limit and the debt a sale leaves; uses card, ledger and loyalty. */
package dev.kassa.customer.credit;
