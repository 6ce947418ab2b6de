package dev.kassa.auth.employee;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/** An employee was deactivated (or removed) in a store; their tokens for it issued before {@code at} stop working. */
@KassaEvent(topic = Topics.AUTH)
public record EmployeeDeactivated(long storeId, String tenantKey, long userId, long employeeId, Instant at) {}
