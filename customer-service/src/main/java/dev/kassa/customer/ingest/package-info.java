/** The Kafka consumers (sales' events become purchases, debt and points), above the features they call; uses credit, loyalty and purchase. */
package dev.kassa.customer.ingest;
