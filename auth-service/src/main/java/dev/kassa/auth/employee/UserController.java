package dev.kassa.auth.employee;

import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.User;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The original's {@code users/} endpoints (spec A22–A27), kept for clients that use them: they name people by
 * user id and act on their employee record in the current store, with the same rules as {@code employees/}.
 */
@RestController
class UserController {

    record EmployeeInfo(
            Long id,
            String role,
            String roleDisplay,
            String phone,
            String position,
            boolean isActive,
            LocalDate hiredAt) {}

    @Schema(name = "ManagedUser")
    record UserView(
            Long id,
            String username,
            String email,
            String firstName,
            String lastName,
            String fullName,
            boolean isActive,
            Instant dateJoined,
            EmployeeInfo employeeInfo) {
        static UserView of(User u, Employee e) {
            String full = (u.lastName() + " " + u.firstName()).trim();
            return new UserView(
                    u.id(),
                    u.username(),
                    u.email(),
                    u.firstName(),
                    u.lastName(),
                    full.isEmpty() ? u.username() : full,
                    u.isActive(),
                    u.createdAt(),
                    e == null
                            ? null
                            : new EmployeeInfo(
                                    e.id(),
                                    e.role().code(),
                                    e.role().display(Messages.language()),
                                    e.phone(),
                                    e.position(),
                                    e.isActive(),
                                    e.hiredAt()));
        }
    }

    record ProfileRequest(
            @Size(max = 150) @PrintableText String firstName,
            @Size(max = 150) @PrintableText String lastName,
            @EmailAddress String email,
            @Size(max = 150) @PrintableText String username) {}

    record PasswordRequest(String newPassword) {}

    /** {@code initial_password} only when Kassa made it (shown once). */
    record CreatedUser(EmployeeController.EmployeeView employee, String username, String initialPassword) {}

    record UpdatedEmployee(EmployeeController.EmployeeView employee) {}

    record PasswordChanged(Long userId, String username) {}

    private final EmployeeService employees;
    private final EmployeeQueryService queries;
    private final EmployeeProfileService profiles;
    private final EmployeePasswordService passwords;

    UserController(
            EmployeeService employees,
            EmployeeQueryService queries,
            EmployeeProfileService profiles,
            EmployeePasswordService passwords) {
        this.employees = employees;
        this.queries = queries;
        this.profiles = profiles;
        this.passwords = passwords;
    }

    @Operation(summary = "People working in the store: search over username, names and email; paginated")
    @GetMapping("/api/users/users")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    PageResponse<UserView> list(@RequestParam(required = false) String search, PageRequest page, Caller caller) {
        return PageResponse.of(
                queries.members(caller, search, page.withSort(Sort.by("id"))),
                e -> UserView.of(employees.userOf(e), e));
    }

    @Operation(summary = "One person of the store, by user id")
    @GetMapping("/api/users/users/{id}")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    UserView get(@PathVariable long id, Caller caller) {
        Employee e = queries.byUser(caller, id);
        return UserView.of(employees.userOf(e), e);
    }

    @Operation(
            summary =
                    "Create an employee with a login (as POST employees/); the password is shown in this response only")
    @PostMapping("/api/users/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    Success<CreatedUser> create(@RequestBody CreateEmployeeRequest request, Caller caller) {
        EmployeeService.Created created = employees.create(caller, request);
        // only a password Kassa made is shown (once); one the caller typed is not echoed back
        return Success.of(
                "employee.created",
                new CreatedUser(
                        EmployeeController.EmployeeView.of(created.employee(), created.user()),
                        created.user().username(),
                        created.generatedPassword()));
    }

    @Operation(summary = "Change a person's employee record in this store (as PATCH employees/{id}/)")
    @PatchMapping("/api/users/users/{id}/update-employee")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    Success<UpdatedEmployee> updateEmployee(
            @PathVariable long id, @RequestBody UpdateEmployeeRequest request, Caller caller) {
        Employee e = employees.update(caller, queries.byUser(caller, id).id(), request);
        return Success.of(
                "employee.updated", new UpdatedEmployee(EmployeeController.EmployeeView.of(e, employees.userOf(e))));
    }

    @Operation(
            summary =
                    "Change a profile: one's own, or (owners, managers) an employee's: {first_name?, last_name?, email?, username?}")
    @PatchMapping("/api/users/users/{id}/update-profile")
    @PreAuthorize(Access.MEMBER)
    Success<UserView> updateProfile(@PathVariable long id, @Valid @RequestBody ProfileRequest r, Caller caller) {
        User u = profiles.updateProfile(caller, id, r.firstName(), r.lastName(), r.email(), r.username());
        return Success.of("user.profile_updated", UserView.of(u, queries.byUser(caller, id)));
    }

    /** The original web client's profile form: names at the top, the phone under {@code employee} (its {@code sex} is not kept by Kassa). */
    record OwnProfileRequest(
            @Size(max = 150) @PrintableText String firstName,
            @Size(max = 150) @PrintableText String lastName,
            @EmailAddress String email,
            EmployeePart employee) {
        /** The phone is checked as an employee's (an error names {@code phone}, as the web client shows it). */
        record EmployeePart(String phone) {}
    }

    @Operation(
            summary =
                    "Change one's own profile (the original web client's profile page): {first_name?, last_name?, email?, "
                            + "employee: {phone?}}; answered with the profile as users/profile/ shows it")
    @PatchMapping("/api/users/profile-update")
    @PreAuthorize(Access.MEMBER)
    Success<UserView> updateOwnProfile(@Valid @RequestBody OwnProfileRequest r, Caller caller) {
        Employee e = profiles.updateOwn(
                caller,
                r.firstName(),
                r.lastName(),
                r.email(),
                r.employee() == null ? null : r.employee().phone());
        User u = employees.userOf(e);
        return Success.of("user.profile_updated", UserView.of(u, e));
    }

    @Operation(summary = "Set a person's password (as employees/{id}/reset-password/); their sessions end")
    @PostMapping("/api/users/users/{id}/change-password")
    @PreAuthorize(Access.MANAGE_EMPLOYEES)
    Success<PasswordChanged> changePassword(
            @PathVariable long id, @Valid @RequestBody PasswordRequest r, Caller caller) {
        User u = passwords
                .resetPassword(caller, queries.byUser(caller, id).id(), r.newPassword())
                .user();
        return Success.of("user.password_changed", new PasswordChanged(u.id(), u.username()));
    }
}
