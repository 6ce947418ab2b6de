/** The Kafka consumers (customers' debt paid at a till; the kitchen screens' feed), above the features they call; uses shift and kitchen. */
package dev.kassa.sales.ingest;
