/** The till: drafts, scans, checkout with split tenders, one-call and offline sales, refunds, receipts and the sales lists; uses catalog, customer, shift and payment. */
package dev.kassa.sales.till;
