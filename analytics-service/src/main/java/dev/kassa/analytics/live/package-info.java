/** The owner's live feed (server-sent events of sales and refunds as they happen); uses no other feature. */
package dev.kassa.analytics.live;
