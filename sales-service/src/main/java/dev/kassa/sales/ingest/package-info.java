/** The Kafka consumers (customers' debt paid at a till), above the features they call; uses shift. */
package dev.kassa.sales.ingest;
