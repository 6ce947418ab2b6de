/** Webhook subscriptions, their deliveries, retries and target checks; uses no other feature. */
package dev.kassa.analytics.webhook;
