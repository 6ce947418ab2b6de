package dev.kassa.sales.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guests ordering from their table's menu (issue 84 point 6).
 *
 * @param maxWaitingLines how many lines guests ordered may wait at one table for a waiter at once: a guest's order that
 *     would take them past it is refused (429 {@code too_many_waiting_lines}) until a waiter confirms or declines some
 */
@ConfigurationProperties("kassa.sales.guest-orders")
record GuestOrderProperties(@DefaultValue("30") int maxWaitingLines) {}
