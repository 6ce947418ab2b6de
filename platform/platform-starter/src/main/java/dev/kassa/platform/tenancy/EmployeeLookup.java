package dev.kassa.platform.tenancy;

import java.util.Optional;

/**
 * Where the {@link EmployeeDirectory} reads through when it has not heard of someone yet (auth-service, asked on behalf of
 * the caller); any failure is "not known".
 */
public interface EmployeeLookup {

    Optional<EmployeeDirectory.Employee> employee(String tenantKey, long employeeId);

    Optional<EmployeeDirectory.Employee> ofUser(String tenantKey, long userId);
}
