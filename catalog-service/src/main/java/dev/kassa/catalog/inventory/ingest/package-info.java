/**
 * The Kafka consumers (sales' events commit and return what tills held; transfers' events hand goods over between
 * stores, and products shared by another of the owner's stores are copied here before them; stock changes are checked
 * against the reorder point), above the features they call; uses stock, transfer, purchase and the catalogue's products.
 */
package dev.kassa.catalog.inventory.ingest;
