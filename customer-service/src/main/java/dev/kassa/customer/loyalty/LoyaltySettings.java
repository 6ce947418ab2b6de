package dev.kassa.customer.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/** A store's loyalty programme: whether points are earned, how much buys a point, what a point is worth. */
public record LoyaltySettings(
        boolean loyaltyEnabled, BigDecimal loyaltyAmountPerPoint, BigDecimal loyaltyPointValue, Instant updatedAt) {}
