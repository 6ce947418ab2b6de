package dev.kassa.auth.employee;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/**
 * An employee's role in a store changed; their tokens for the store issued before {@code at} stop working (every
 * service reads it as {@link dev.kassa.platform.events.AccessChanged}). {@code userId} is 0 for an employee without an account.
 */
@KassaEvent(topic = Topics.AUTH)
public record EmployeeRoleChanged(
        long storeId, String tenantKey, long userId, long employeeId, String oldRole, String newRole, Instant at) {}
