/** The Kafka consumers (one {@code <Source>}EventsConsumer per topic or purpose), above every feature whose service they call; owns nothing but the reading of events. */
package dev.kassa.analytics.ingest;
