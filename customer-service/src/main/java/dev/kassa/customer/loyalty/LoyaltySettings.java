package dev.kassa.customer.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A store's rules for its customers: its loyalty programme (whether points are earned, how much buys a point, what a point
 * is worth) and how far beyond a buyer's credit limit a sale made at an offline till may be recorded
 * ({@code offline_credit_over_limit}, none by default).
 */
public record LoyaltySettings(
        boolean loyaltyEnabled,
        BigDecimal loyaltyAmountPerPoint,
        BigDecimal loyaltyPointValue,
        BigDecimal offlineCreditOverLimit,
        Instant updatedAt) {}
