package dev.kassa.auth.employee;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/**
 * Someone started working in a store: every service keeps the store's employee directory from this and
 * {@link EmployeeUpdated} (names on sales and tasks, who may be assigned or sell). {@code userId} is the person's account.
 */
@KassaEvent(topic = Topics.AUTH)
public record EmployeeCreated(
        long storeId,
        String tenantKey,
        long employeeId,
        long userId,
        String fullName,
        String role,
        String phone,
        String position,
        boolean isActive) {}
