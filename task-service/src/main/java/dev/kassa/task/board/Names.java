package dev.kassa.task.board;

import dev.kassa.platform.tenancy.EmployeeDirectory;

/** Employee names of one store ({@link TaskService#names()}), for the views of tasks, comments and reports. */
public record Names(EmployeeDirectory directory, String tenantKey) {
    public String of(Long employeeId) {
        return employeeId == null
                ? null
                : directory
                        .find(tenantKey, employeeId)
                        .map(EmployeeDirectory.Employee::fullName)
                        .orElse("");
    }
}
