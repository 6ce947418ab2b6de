package dev.kassa.auth.employee;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/** An employee's name, role, phone, position or active flag changed (a deactivation too). */
@KassaEvent(topic = Topics.AUTH)
public record EmployeeUpdated(
        long storeId,
        String tenantKey,
        long employeeId,
        long userId,
        String fullName,
        String role,
        String phone,
        String position,
        boolean isActive) {}
