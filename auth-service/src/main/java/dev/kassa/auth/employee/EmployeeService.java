package dev.kassa.auth.employee;

import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.PasswordRules;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.UserRepository;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.validation.RequestRules;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Employees of a store (spec §2.2.6, brief §4): owners create any role but an owner; managers every role below their
 * own ({@link #MANAGERS_HIRE}); nobody creates an owner here. The chosen password is returned once, in
 * the create (or reset) response, and stored only as a hash. Here employees are created, changed, deactivated and
 * listed; their PINs are {@link EmployeePinService}', their profiles {@link EmployeeProfileService}', their passwords
 * {@link EmployeePasswordService}', and the other views' look-ups {@link EmployeeQueryService}'s.
 */
@Service
public class EmployeeService {

    /**
     * The roles a manager may give a new employee: the store's staff below managers (cashiers, stockkeepers, a café's
     * waiters and kitchen, production's operators and read-only viewers, issue 87).
     */
    static final Set<Role> MANAGERS_HIRE =
            Set.of(Role.CASHIER, Role.STOCKKEEPER, Role.WAITER, Role.KITCHEN, Role.OPERATOR, Role.VIEWER);

    /**
     * A new employee. {@code generatedPassword} is set only when the owner gave no password and Kassa made one: it is
     * shown once, in the answer to the creation; a password the owner typed is never echoed back.
     */
    public record Created(
            Employee employee, User user, boolean existingUser, String generatedPassword, boolean pinOnly) {}

    private final UserRepository users;
    private final StoreRepository stores;
    private final EmployeeRepository employees;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final EmployeePinService pins;
    private final EmployeeAnnouncements announcements;
    private final RequestRules rules;

    EmployeeService(
            UserRepository users,
            StoreRepository stores,
            EmployeeRepository employees,
            PasswordEncoder passwordEncoder,
            TokenService tokens,
            EmployeePinService pins,
            EmployeeAnnouncements announcements,
            RequestRules rules) {
        this.users = users;
        this.stores = stores;
        this.employees = employees;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.pins = pins;
        this.announcements = announcements;
        this.rules = rules;
    }

    @Transactional
    public Created create(Caller caller, CreateEmployeeRequest r) {
        Store store = store(caller);
        FieldErrors errors = rules.check(r);
        Role role = Role.fromCode(r.role() == null ? "" : r.role().trim())
                .filter(x -> x != Role.OWNER)
                .orElse(null);
        if (role == null) {
            errors.add("role", "employee.role_invalid");
        } else if (caller.role() != Role.OWNER && !MANAGERS_HIRE.contains(role)) {
            errors.add("role", "employee.role_not_allowed");
        }
        boolean pinOnly = FieldErrors.blank(r.username()) && FieldErrors.blank(r.password());
        if (!pinOnly) {
            errors.required("username", r.username());
        }
        if (!FieldErrors.blank(r.username())
                && users.existsByUsername(r.username().trim())) {
            User existing = movable(caller, store, r.username().trim());
            if (existing != null && !errors.has("role")) {
                return addExisting(store, role, existing, r);
            }
            errors.add("username", "auth.username_taken");
        }
        String generated = !pinOnly && FieldErrors.blank(r.password()) ? PasswordRules.generate() : null;
        // a PIN-only employee's account has a password nobody knows: it exists for their PIN sessions, never for a
        // login
        String password = pinOnly
                ? PasswordRules.generate() + PasswordRules.generate()
                : generated != null ? generated : r.password();
        PasswordRules.password(errors, "password", password);
        String username =
                pinOnly ? "pin_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) : r.username();
        errors.throwIfAny();
        User user;
        try {
            user = users.saveAndFlush(new User(
                    username.trim(),
                    passwordEncoder.encode(password),
                    r.firstName().trim(),
                    r.lastName(),
                    null,
                    r.email(),
                    r.phone()));
        } catch (DataIntegrityViolationException raced) {
            throw FieldErrors.single("username", "auth.username_taken");
        }
        Employee employee = employees.saveAndFlush(employeeOf(store, role, user, r));
        if (!FieldErrors.blank(r.pin())) {
            pins.apply(store, employee, r.pin());
            employee = employees.saveAndFlush(employee);
        }
        announcements.created(store.tenantKey(), employee);
        return new Created(employee, user, false, generated, pinOnly);
    }

    /** The store's new employee for an account, with the request's phone and position. */
    private static Employee employeeOf(Store store, Role role, User user, CreateEmployeeRequest r) {
        return new Employee(
                        store.id(),
                        user.id(),
                        role,
                        user.firstName(),
                        user.lastName(),
                        r.phone() == null ? "" : r.phone().trim())
                .position(r.position());
    }

    /**
     * An owner brings someone who already works in another of their stores into this one (spec §2.2.6): no new
     * account and no password; anyone else's username is simply taken.
     */
    private Created addExisting(Store store, Role role, User user, CreateEmployeeRequest r) {
        Employee employee = employees.saveAndFlush(employeeOf(store, role, user, r));
        announcements.created(store.tenantKey(), employee);
        return new Created(employee, user, true, null, false);
    }

    /** A user the owner may bring in: works in another of the caller's stores and not yet in this one; else null. */
    private User movable(Caller caller, Store store, String username) {
        User user = users.findByUsername(username).orElse(null);
        if (user == null
                || caller.role() != Role.OWNER
                || employees.findByUserIdAndStoreId(user.id(), store.id()).isPresent()) {
            return null;
        }
        boolean worksForCaller = employees.memberships(user.id()).stream()
                .anyMatch(m -> m.store().ownerId().equals(caller.userId()));
        return worksForCaller ? user : null;
    }

    @Transactional(readOnly = true)
    public User userOf(Employee employee) {
        return users.accountOf(employee).orElse(null);
    }

    @Transactional(readOnly = true)
    public Employee get(Caller caller, long employeeId) {
        return employees
                .findByIdAndStoreId(employeeId, store(caller).id())
                .orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
    }

    @Transactional(readOnly = true)
    public Page<Employee> list(Caller caller, String role, Boolean active, Pageable pageable) {
        if (role != null && Role.fromCode(role).isEmpty()) {
            throw FieldErrors.single("role", "employee.role_invalid");
        }
        return employees.search(store(caller).id(), role, active, pageable);
    }

    /**
     * Changes an employee (spec A18, rewrite): details, role and active flag. Nobody becomes or stops being the
     * owner here, nobody changes their own role or status, and managers touch only the staff below them
     * (never raising anyone to manager). A role change or a deactivation ends the employee's access to this store
     * within seconds in every service ({@code EmployeeRoleChanged} / {@code EmployeeDeactivated}).
     */
    @Transactional
    public Employee update(Caller caller, long employeeId, UpdateEmployeeRequest r) {
        Store store = store(caller);
        Employee employee = employees
                .findByIdAndStoreId(employeeId, store.id())
                .orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
        guard(caller, employee);
        return apply(caller, store, employee, r);
    }

    /**
     * Applies a change to an employee of {@code store} whom the caller may change, in the caller's transaction (an update,
     * a deactivation, one's own profile).
     */
    Employee apply(Caller caller, Store store, Employee employee, UpdateEmployeeRequest r) {
        FieldErrors errors = rules.check(r);
        Role role = null;
        if (r.role() != null) {
            role = Role.fromCode(r.role().trim()).orElse(null);
            if (role == null) {
                errors.add("role", "employee.role_invalid");
            } else if (role != employee.role() && (role == Role.OWNER || employee.role() == Role.OWNER)) {
                errors.add("role", "employee.owner_role_fixed");
            } else if (role != employee.role() && caller.role() != Role.OWNER && role == Role.MANAGER) {
                errors.add("role", "employee.role_not_allowed");
            } else if (role != employee.role() && employee.userId() != null && employee.userId() == caller.userId()) {
                errors.add("role", "employee.own_role");
            }
        }
        if (Boolean.FALSE.equals(r.isActive())
                && (employee.role() == Role.OWNER
                        || employee.userId() != null && employee.userId() == caller.userId())) {
            errors.add("is_active", "employee.cannot_deactivate");
        }
        errors.throwIfAny();
        employee.describe(
                r.firstName() != null ? r.firstName().trim() : employee.firstName(),
                r.lastName() != null ? r.lastName() : employee.lastName(),
                r.phone() != null ? r.phone().trim() : employee.phone(),
                r.position() != null ? r.position().trim() : employee.position());
        User user = userOf(employee);
        if (user != null && (r.email() != null || r.firstName() != null || r.lastName() != null)) {
            user.describe(
                    r.firstName() != null ? r.firstName().trim() : user.firstName(),
                    r.lastName() != null ? r.lastName() : user.lastName(),
                    r.email() != null ? r.email().trim() : user.email());
        }
        Instant now = Instant.now();
        if (role != null && role != employee.role()) {
            Role old = employee.role();
            employee.changeRole(role);
            announcements.roleChanged(store.tenantKey(), employee, old, now);
        }
        if (r.isActive() != null && r.isActive() != employee.isActive()) {
            employee.activate(r.isActive());
            if (!r.isActive()) {
                announcements.deactivated(store.tenantKey(), employee, now);
                // one who works in no store any more signs in nowhere: their sessions end
                if (employee.userId() != null
                        && employees.memberships(employee.userId()).isEmpty()) {
                    tokens.revokeAll(employee.userId());
                }
            }
        }
        Employee saved = employees.saveAndFlush(employee);
        announcements.updated(store.tenantKey(), saved);
        return saved;
    }

    /** Removes an employee from the store: deactivated, never erased, so their sales keep their name. */
    @Transactional
    public void deactivate(Caller caller, long employeeId) {
        update(caller, employeeId, new UpdateEmployeeRequest(null, null, null, null, null, null, false));
    }

    /** Managers manage the staff below them (never an owner or a manager); owners manage everyone. */
    static void guard(Caller caller, Employee employee) {
        if (caller.role() != Role.OWNER && (employee.role() == Role.OWNER || employee.role() == Role.MANAGER)) {
            throw PlatformErrors.PERMISSION_DENIED.exception();
        }
    }

    private Store store(Caller caller) {
        return stores.activeOf(caller.tenantKey());
    }
}
