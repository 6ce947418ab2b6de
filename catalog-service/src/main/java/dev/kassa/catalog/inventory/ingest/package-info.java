/**
 * The Kafka consumers (sales' events commit and return what tills held; transfers' events hand goods over between
 * stores; stock changes are checked against the reorder point), above the features they call; uses stock, transfer and
 * purchase.
 */
package dev.kassa.catalog.inventory.ingest;
