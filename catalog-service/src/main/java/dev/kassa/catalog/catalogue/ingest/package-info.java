/**
 * The catalogue's Kafka consumer of auth's events (issue 86 point 2: a store opened with a copy of another's catalogue
 * gets that store's products shared with it), above the feature it calls; uses product.
 */
package dev.kassa.catalog.catalogue.ingest;
