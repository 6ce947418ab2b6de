package dev.kassa.sales.order;

import dev.kassa.platform.data.Coded;

/** Where an order is eaten (Loyverse's dining options): at a table here, taken away, or delivered. */
enum DiningOption implements Coded {
    HERE,
    TAKEAWAY,
    DELIVERY
}
