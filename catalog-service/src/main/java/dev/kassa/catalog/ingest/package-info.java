/** The Kafka consumers (sales' events commit and return what tills held), above the features they call; uses stock. */
package dev.kassa.catalog.ingest;
