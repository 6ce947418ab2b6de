package dev.kassa.auth.employee;

import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.Phone;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A new employee. Without {@code username} and {@code password} the employee has no login of their own and signs in at
 * shared tills by PIN only ({@code pin}, now or later through set-pin). The username a login needs, the role the caller
 * may give, the password's rules and the PIN are the domain's ({@link EmployeeService#create}).
 */
@DomainValidated
public record CreateEmployeeRequest(
        @Size(max = 150) @PrintableText String username,
        String password,
        @Required @Size(max = 150) @PrintableText String firstName,
        @Size(max = 150) @PrintableText String lastName,
        @EmailAddress String email,
        @Schema(
                        description =
                                "manager, cashier, stockkeeper, waiter, kitchen, operator or viewer (a manager: any but manager)")
                String role,
        @Phone String phone,
        @Size(max = 100) String position,
        String pin) {}
