package dev.kassa.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What every service's employee directory reads of auth's {@code EmployeeCreated} and {@code EmployeeUpdated}: who works
 * in the store, under which account, in which role, and whether they still do.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmployeeChanged(
        String tenantKey, long employeeId, long userId, String fullName, String role, String phone, boolean isActive) {

    public static final String CREATED = "EmployeeCreated";
    public static final String UPDATED = "EmployeeUpdated";
}
