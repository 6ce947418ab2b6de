package dev.kassa.auth.employee;

import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.Phone;
import dev.kassa.platform.validation.PrintableText;
import jakarta.validation.constraints.Size;

/**
 * The fields of an employee to change (the others are left as they are). The role and the active flag the caller may
 * set are the domain's ({@link EmployeeService#update}).
 */
@DomainValidated
public record UpdateEmployeeRequest(
        @Filled @Size(max = 150) @PrintableText String firstName,
        @Size(max = 150) @PrintableText String lastName,
        @EmailAddress String email,
        @Phone String phone,
        @Size(max = 100) String position,
        String role,
        Boolean isActive) {}
