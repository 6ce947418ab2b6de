package dev.kassa.customer.card;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;

/** A customer's record changed (name, phone, type, group, credit limit, active or blocked). */
@KassaEvent(topic = Topics.CUSTOMER)
public record CustomerUpdated(
        long customerId,
        String fullName,
        String phone,
        String customerType,
        Long groupId,
        BigDecimal creditLimit,
        boolean isActive,
        boolean isBlocked) {}
