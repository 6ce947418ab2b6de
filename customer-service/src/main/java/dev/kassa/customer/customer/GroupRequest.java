package dev.kassa.customer.customer;

import java.math.BigDecimal;

/** A customer group as an owner writes it: its name, description, discount and threshold. */
record GroupRequest(
        String name, String description, BigDecimal discountPercent, BigDecimal minPurchaseAmount, Boolean isActive) {}
