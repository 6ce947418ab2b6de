/**
 * Lists as files a shop's back office opens in a spreadsheet (CSV or XLSX): a service names its columns and how to read
 * its rows, and {@link Exports} streams them out in the caller's language and the store's time zone, one row at a
 * time. Uses tenancy (the store whose rows are read) and web (the error catalogue); no feature of a service.
 */
package dev.kassa.platform.export;
