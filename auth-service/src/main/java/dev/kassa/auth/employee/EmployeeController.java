package dev.kassa.auth.employee;

import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.User;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
class EmployeeController {

    @Schema(name = "StoreEmployee")
    record EmployeeView(
            Long id,
            Long user,
            String fullName,
            String username,
            String email,
            String role,
            String roleDisplay,
            String phone,
            String position,
            boolean isActive,
            boolean hasPin,
            LocalDate hiredAt) {
        static EmployeeView of(Employee e, User u) {
            String full = (e.firstName() + " " + e.lastName()).trim();
            return new EmployeeView(
                    e.id(),
                    e.userId(),
                    full.isEmpty() && u != null ? u.username() : full,
                    u == null ? null : u.username(),
                    u == null ? "" : u.email(),
                    e.role().code(),
                    e.role().display(Messages.language()),
                    e.phone(),
                    e.position(),
                    e.isActive(),
                    e.hasPin(),
                    e.hiredAt());
        }
    }

    record PinRequest(String pin) {}

    record ResetPasswordRequest(String newPassword) {}

    /** A new employee's login as shown once: the password only when Kassa made it. */
    record Credentials(String username, String password, boolean passwordGenerated) {}

    /** {@code credentials} is null for an existing user or a PIN-only employee; {@code sign_in} is {@code password} or {@code pin}. */
    record CreatedEmployee(
            EmployeeView employee, Credentials credentials, boolean isExistingUser, String signIn, boolean pinSet) {}

    /** Who may be chosen as the seller at a shared till. */
    record Cashier(Long id, String fullName, String phone, String role, boolean hasPin) {}

    /** {@code new_password} only when Kassa made it. */
    record PasswordReset(String username, String newPassword, boolean passwordGenerated) {}

    /** One's own password changed: the new tokens this session continues with. */
    record OwnPasswordChanged(String status, String message, TokenPair tokens) {}

    private final EmployeeService employees;
    private final EmployeeQueryService queries;
    private final EmployeePinService pins;
    private final EmployeePasswordService passwords;
    private final TokenService tokens;

    EmployeeController(
            EmployeeService employees,
            EmployeeQueryService queries,
            EmployeePinService pins,
            EmployeePasswordService passwords,
            TokenService tokens) {
        this.employees = employees;
        this.queries = queries;
        this.pins = pins;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @Operation(
            summary =
                    "Create an employee with a login (or, without username and password, one who signs in at shared tills by "
                            + "PIN only: pin now or through set-pin). Without a password Kassa makes one and shows it in this response only "
                            + "(credentials.password); a password the owner typed is never echoed back (credentials.password is null)")
    @PostMapping("/api/users/employees")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    Success<CreatedEmployee> create(@RequestBody CreateEmployeeRequest request, Caller caller) {
        EmployeeService.Created created = employees.create(caller, request);
        Credentials credentials = created.existingUser() || created.pinOnly()
                ? null
                : new Credentials(
                        created.user().username(), created.generatedPassword(), created.generatedPassword() != null);
        // how this person signs in: a login of their own, or only a PIN at the store's shared tills
        CreatedEmployee data = new CreatedEmployee(
                EmployeeView.of(created.employee(), created.user()),
                credentials,
                created.existingUser(),
                created.pinOnly() ? "pin" : "password",
                created.employee().hasPin());
        String message = created.existingUser()
                ? "employee.added_existing"
                : created.pinOnly() ? "employee.created_pin_only" : "employee.created";
        return Success.of(message, data);
    }

    @Operation(summary = "Employees of the store (owner or manager): filters role, is_active; paginated")
    @GetMapping("/api/users/employees")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    PageResponse<EmployeeView> list(
            Caller caller,
            @RequestParam(required = false) String role,
            @RequestParam(name = "is_active", required = false) Boolean active,
            PageRequest page) {
        return PageResponse.of(
                employees.list(caller, role, active, page.withSort(Sort.by("id"))),
                e -> EmployeeView.of(e, employees.userOf(e)));
    }

    @Operation(
            summary =
                    "Who may be chosen as the seller at a shared till: active cashiers first, then managers and the owner (any member of the store)")
    @GetMapping("/api/users/employees/cashiers")
    @PreAuthorize(Access.MEMBER)
    Success<List<Cashier>> cashiers(Caller caller) {
        return Success.of(queries.cashiers(caller).stream()
                .map(e -> new Cashier(
                        e.id(),
                        (e.firstName() + " " + e.lastName()).trim(),
                        e.phone(),
                        e.role().code(),
                        e.hasPin()))
                .toList());
    }

    @Operation(summary = "One employee of the store")
    @GetMapping("/api/users/employees/{id}")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    EmployeeView get(@PathVariable long id, Caller caller) {
        Employee e = employees.get(caller, id);
        return EmployeeView.of(e, employees.userOf(e));
    }

    @Operation(
            summary =
                    "Change an employee: {first_name?, last_name?, email?, phone?, position?, role?, is_active?}. A role change or "
                            + "deactivation ends the employee's current access to this store within seconds")
    @PatchMapping("/api/users/employees/{id}")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    EmployeeView update(@PathVariable long id, @RequestBody UpdateEmployeeRequest request, Caller caller) {
        Employee e = employees.update(caller, id, request);
        return EmployeeView.of(e, employees.userOf(e));
    }

    @Operation(summary = "Same as PATCH: the fields given are changed")
    @PutMapping("/api/users/employees/{id}")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    EmployeeView replace(@PathVariable long id, @RequestBody UpdateEmployeeRequest request, Caller caller) {
        return update(id, request, caller);
    }

    @Operation(
            summary =
                    "Remove an employee from the store: deactivated (their sales keep their name); access ends within seconds")
    @DeleteMapping("/api/users/employees/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    void delete(@PathVariable long id, Caller caller) {
        employees.deactivate(caller, id);
    }

    @Operation(
            summary =
                    "Set an employee's PIN for shared tills: {\"pin\": \"4821\"} (4–6 digits, unique in the store); null clears it")
    @PostMapping("/api/users/employees/{id}/set-pin")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    Success<EmployeeView> setPin(@PathVariable long id, @Valid @RequestBody PinRequest request, Caller caller) {
        Employee e = pins.setPin(caller, id, request.pin());
        return Success.of("employee.pin_set", EmployeeView.of(e, employees.userOf(e)));
    }

    @Operation(
            summary =
                    "Set a new password for an employee; their sessions end. Without new_password Kassa makes one and shows it in "
                            + "this response only; a typed one is not echoed (new_password is null)")
    @PostMapping("/api/users/employees/{id}/reset-password")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    Success<PasswordReset> resetPassword(
            @PathVariable long id, @Valid @RequestBody ResetPasswordRequest request, Caller caller) {
        EmployeePasswordService.PasswordSet set = passwords.resetPassword(caller, id, request.newPassword());
        return Success.of(
                "employee.password_reset",
                new PasswordReset(set.user().username(), set.generatedPassword(), set.generatedPassword() != null));
    }

    @Operation(
            summary =
                    "Change one's own password: {old_password, new_password}; every session ends, this one continues with the new "
                            + "tokens of the answer")
    @PostMapping("/api/users/auth/change-password")
    OwnPasswordChanged changePassword(@RequestBody ChangePasswordRequest request, Caller caller) {
        User user = passwords.changePassword(caller, request);
        return new OwnPasswordChanged("success", Messages.get("auth.password_changed"), tokens.issue(user.id()));
    }
}
