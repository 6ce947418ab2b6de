/** The client of customer-service (buyers, credit); uses catalog and system. */
package dev.kassa.sales.customer;
