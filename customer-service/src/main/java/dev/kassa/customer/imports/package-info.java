/**
 * A shop's spreadsheet of customers into Kassa (issue 62, import): the customers export's columns, matched by phone,
 * opening balances and points entering the ledger as opening entries.
 */
package dev.kassa.customer.imports;
