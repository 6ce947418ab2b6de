package dev.kassa.auth.employee;

import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.User;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
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
import java.util.LinkedHashMap;
import java.util.Map;

@RestController
class EmployeeController {

    record EmployeeView(Long id, Long user, String fullName, String username, String email, String role, String roleDisplay, String phone,
                        String position, boolean isActive, boolean hasPin, LocalDate hiredAt) {
        static EmployeeView of(Employee e, User u) {
            String full = (e.firstName() + " " + e.lastName()).trim();
            return new EmployeeView(e.id(), e.userId(), full.isEmpty() && u != null ? u.username() : full, u == null ? null : u.username(),
                    u == null ? "" : u.email(), e.role().code(), e.role().display(Messages.language()), e.phone(), e.position(),
                    e.isActive(), e.hasPin(), e.hiredAt());
        }
    }

    record PinRequest(String pin) { }

    record ResetPasswordRequest(String newPassword) { }

    record ChangePasswordRequest(String oldPassword, String newPassword) { }

    private final EmployeeService employees;
    private final dev.kassa.auth.token.TokenService tokens;

    EmployeeController(EmployeeService employees, dev.kassa.auth.token.TokenService tokens) {
        this.tokens = tokens;
        this.employees = employees;
    }

    @Operation(summary = "Create an employee with a login (or, without username and password, one who signs in at shared tills by "
            + "PIN only: pin now or through set-pin). Without a password Kassa makes one and shows it in this response only "
            + "(credentials.password); a password the owner typed is never echoed back (credentials.password is null)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "cashier", value = "{\"username\": \"cashier1\", \"password\": \"SecurePass123\", \"first_name\": \"Петр\", \"last_name\": \"Петров\", \"email\": \"petr@example.com\", \"role\": \"cashier\", \"phone\": \"+998901234567\", \"position\": \"Кассир\"}")))
    @PostMapping("/api/users/employees")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    Map<String, Object> create(@RequestBody EmployeeService.CreateEmployeeRequest request, Caller caller) {
        EmployeeService.Created created = employees.create(caller, request);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("employee", EmployeeView.of(created.employee(), created.user()));
        if (created.existingUser() || created.pinOnly()) {
            data.put("credentials", null);
        } else {
            Map<String, Object> credentials = new LinkedHashMap<>();
            credentials.put("username", created.user().username());
            credentials.put("password", created.generatedPassword());
            credentials.put("password_generated", created.generatedPassword() != null);
            data.put("credentials", credentials);
        }
        data.put("is_existing_user", created.existingUser());
        // how this person signs in: a login of their own, or only a PIN at the store's shared tills
        data.put("sign_in", created.pinOnly() ? "pin" : "password");
        data.put("pin_set", created.employee().hasPin());
        String message = created.existingUser() ? "employee.added_existing" : created.pinOnly() ? "employee.created_pin_only" : "employee.created";
        return Map.of("status", "success", "message", Messages.get(message), "data", data);
    }

    @Operation(summary = "Employees of the store (owner or manager): filters role, is_active; paginated")
    @GetMapping("/api/users/employees")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    PageResponse<EmployeeView> list(Caller caller, @RequestParam(required = false) String role,
                                    @RequestParam(name = "is_active", required = false) Boolean active,
                                    @RequestParam(required = false) String page,
                                    @RequestParam(name = "page_size", required = false) String pageSize) {
        return PageResponse.of(employees.list(caller, role, active, PageRequests.of(page, pageSize, Sort.by("id"))),
                e -> EmployeeView.of(e, employees.userOf(e)));
    }

    @Operation(summary = "Who may be chosen as the seller at a shared till: active cashiers first, then managers and the owner (any member of the store)")
    @GetMapping("/api/users/employees/cashiers")
    @PreAuthorize(Access.MEMBER)
    Map<String, Object> cashiers(Caller caller) {
        return Map.of("status", "success", "data", employees.cashiers(caller).stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("full_name", (e.firstName() + " " + e.lastName()).trim());
            row.put("phone", e.phone());
            row.put("role", e.role().code());
            row.put("has_pin", e.hasPin());
            return row;
        }).toList());
    }

    @Operation(summary = "One employee of the store")
    @GetMapping("/api/users/employees/{id}")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    EmployeeView get(@PathVariable long id, Caller caller) {
        Employee e = employees.get(caller, id);
        return EmployeeView.of(e, employees.userOf(e));
    }

    @Operation(summary = "Change an employee: {first_name?, last_name?, email?, phone?, position?, role?, is_active?}. A role change or "
            + "deactivation ends the employee's current access to this store within seconds")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "promote", value = "{\"role\": \"manager\", \"position\": \"Старший кассир\"}")))
    @PatchMapping("/api/users/employees/{id}")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    EmployeeView update(@PathVariable long id, @RequestBody EmployeeService.UpdateEmployeeRequest request, Caller caller) {
        Employee e = employees.update(caller, id, request);
        return EmployeeView.of(e, employees.userOf(e));
    }

    @Operation(summary = "Same as PATCH: the fields given are changed")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "details", value = "{\"first_name\": \"Петр\", \"last_name\": \"Петров\", \"phone\": \"+998901234567\", \"position\": \"Кассир\", \"is_active\": true}")))
    @PutMapping("/api/users/employees/{id}")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    EmployeeView replace(@PathVariable long id, @RequestBody EmployeeService.UpdateEmployeeRequest request, Caller caller) {
        return update(id, request, caller);
    }

    @Operation(summary = "Remove an employee from the store: deactivated (their sales keep their name); access ends within seconds")
    @DeleteMapping("/api/users/employees/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    void delete(@PathVariable long id, Caller caller) {
        employees.deactivate(caller, id);
    }

    @Operation(summary = "Set an employee's PIN for shared tills: {\"pin\": \"4821\"} (4–6 digits, unique in the store); null clears it")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "PIN", value = "{\"pin\": \"4821\"}")))
    @PostMapping({"/api/users/employees/{id}/set-pin", "/api/users/employees/{id}/set_pin"})
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    Map<String, Object> setPin(@PathVariable long id, @RequestBody PinRequest request, Caller caller) {
        Employee e = employees.setPin(caller, id, request.pin());
        return Map.of("status", "success", "message", Messages.get("employee.pin_set"), "data", EmployeeView.of(e, employees.userOf(e)));
    }

    @Operation(summary = "Set a new password for an employee; their sessions end. Without new_password Kassa makes one and shows it in "
            + "this response only; a typed one is not echoed (new_password is null)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "reset", value = "{\"new_password\": \"NewSecure456\"}")))
    @PostMapping({"/api/users/employees/{id}/reset-password", "/api/users/employees/{id}/reset_password"})
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    Map<String, Object> resetPassword(@PathVariable long id, @RequestBody ResetPasswordRequest request, Caller caller) {
        EmployeeService.PasswordSet set = employees.resetPassword(caller, id, request.newPassword());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", set.user().username());
        data.put("new_password", set.generatedPassword());
        data.put("password_generated", set.generatedPassword() != null);
        return Map.of("status", "success", "message", Messages.get("employee.password_reset"), "data", data);
    }

    @Operation(summary = "Change one's own password: {old_password, new_password}; every session ends, this one continues with the new "
            + "tokens of the answer")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "change", value = "{\"old_password\": \"SecurePass123\", \"new_password\": \"NewSecure456\"}")))
    @PostMapping({"/api/users/auth/change-password", "/api/users/auth/change_password"})
    Map<String, Object> changePassword(@RequestBody ChangePasswordRequest request, Caller caller) {
        User user = employees.changePassword(caller, request.oldPassword(), request.newPassword());
        var pair = tokens.issue(user.id());
        return Map.of("status", "success", "message", Messages.get("auth.password_changed"),
                "tokens", Map.of("access", pair.access(), "refresh", pair.refresh()));
    }
}
