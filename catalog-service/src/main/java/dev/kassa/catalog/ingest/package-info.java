/**
 * The Kafka consumers (sales' events commit and return what tills held; transfers' events hand goods over between
 * stores), above the features they call; uses stock and transfer.
 */
package dev.kassa.catalog.ingest;
