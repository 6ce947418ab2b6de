/** The client of catalog-service (holds, prices) and the holds a sale took; uses system. */
package dev.kassa.sales.catalog;
