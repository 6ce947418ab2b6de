package dev.kassa.auth.employee;

import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.UserRepository;
import dev.kassa.auth.registration.PasswordRules;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Set;

/**
 * Employees of a store (spec §2.2.6, brief §4): owners create managers, cashiers and stockkeepers; managers
 * only cashiers and stockkeepers; nobody creates an owner here. The chosen password is returned once, in
 * the create (or reset) response, and stored only as a hash.
 */
@Service
public class EmployeeService {

    public record CreateEmployeeRequest(String username, String password, String firstName, String lastName, String email, String role,
                                        String phone, String position) { }

    public record Created(Employee employee, User user, String password) { }

    private final UserRepository users;
    private final StoreRepository stores;
    private final EmployeeRepository employees;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;

    EmployeeService(UserRepository users, StoreRepository stores, EmployeeRepository employees, PasswordEncoder passwordEncoder, TokenService tokens) {
        this.users = users;
        this.stores = stores;
        this.employees = employees;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
    }

    @Transactional
    public Created create(Caller caller, CreateEmployeeRequest r) {
        Store store = store(caller);
        FieldErrors errors = new FieldErrors();
        Role role = Role.fromCode(r.role() == null ? "" : r.role().trim()).filter(x -> x != Role.OWNER).orElse(null);
        if (role == null) {
            errors.add("role", "employee.role_invalid");
        } else if (caller.role() != Role.OWNER && !Set.of(Role.CASHIER, Role.STOCKKEEPER).contains(role)) {
            errors.add("role", "employee.role_not_allowed");
        }
        errors.required("username", r.username(), 150);
        if (!FieldErrors.blank(r.username()) && users.existsByUsername(r.username().trim())) {
            errors.add("username", "auth.username_taken");
        }
        PasswordRules.password(errors, "password", r.password());
        errors.required("first_name", r.firstName(), 150);
        errors.maxLength("last_name", r.lastName(), 150);
        errors.email("email", r.email());
        errors.phone("phone", r.phone());
        errors.maxLength("position", r.position(), 100);
        errors.throwIfAny();
        User user;
        try {
            user = users.saveAndFlush(new User(r.username().trim(), passwordEncoder.encode(r.password()), r.firstName().trim(),
                    r.lastName(), null, r.email(), r.phone()));
        } catch (DataIntegrityViolationException raced) {
            throw FieldErrors.single("username", "auth.username_taken");
        }
        Employee employee = employees.saveAndFlush(new Employee(store.id(), user.id(), role, user.firstName(), user.lastName(),
                r.phone() == null ? "" : r.phone().trim()).position(r.position()));
        return new Created(employee, user, r.password());
    }

    @Transactional(readOnly = true)
    public Page<Employee> list(Caller caller, Pageable pageable) {
        return employees.findByStoreId(store(caller).id(), pageable);
    }

    @Transactional(readOnly = true)
    public User userOf(Employee employee) {
        return employee.userId() == null ? null : users.findById(employee.userId()).orElse(null);
    }

    /** Sets a new password for an employee of the store; their sessions end. Managers cannot reset owners or managers. */
    @Transactional
    public User resetPassword(Caller caller, long employeeId, String newPassword) {
        Employee employee = employees.findByIdAndStoreId(employeeId, store(caller).id())
                .orElseThrow(() -> KassaException.notFound("employee.not_found"));
        if (caller.role() != Role.OWNER && (employee.role() == Role.OWNER || employee.role() == Role.MANAGER)) {
            throw new KassaException(403, "permission_denied", "error.permission_denied");
        }
        User user = userOf(employee);
        if (user == null) {
            throw new KassaException(400, "no_account", "employee.no_account");
        }
        FieldErrors errors = new FieldErrors();
        PasswordRules.password(errors, "new_password", newPassword);
        errors.throwIfAny();
        user.changePassword(passwordEncoder.encode(newPassword));
        tokens.revokeAll(user.id());
        return user;
    }

    /** The caller changes their own password after proving the old one; their other sessions end. */
    @Transactional
    public void changePassword(Caller caller, String oldPassword, String newPassword) {
        User user = users.findById(caller.userId()).orElseThrow(() -> new KassaException(401, "not_authenticated", "error.not_authenticated"));
        FieldErrors errors = new FieldErrors();
        if (FieldErrors.blank(oldPassword)) {
            errors.add("old_password", "validation.required");
        } else if (!passwordEncoder.matches(oldPassword, user.passwordHash())) {
            errors.add("old_password", "auth.old_password_wrong");
        }
        PasswordRules.password(errors, "new_password", newPassword);
        errors.throwIfAny();
        user.changePassword(passwordEncoder.encode(newPassword));
        tokens.revokeAll(user.id());
    }

    private Store store(Caller caller) {
        return stores.findByTenantKey(caller.tenantKey()).filter(Store::isActive)
                .orElseThrow(() -> new KassaException(403, "not_a_member", "error.not_a_member"));
    }
}
