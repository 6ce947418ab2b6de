/**
 * A café's kitchen (issue 65 point 5): each round of an order goes to the kitchen as one ticket per station (kitchen, bar…),
 * routed by the dishes' categories, and moves {@code new → accepted → cooking → ready → served} (or is cancelled) on the
 * kitchen screen, live on every instance through Kafka; preparation times per station and product; owns
 * {@code kitchen_tickets} and {@code kitchen_routes}; uses no other feature (the order package hands it each round, and
 * answers what the kitchen reads of its lines through {@link dev.kassa.sales.kitchen.OrderLines}).
 */
package dev.kassa.sales.kitchen;
