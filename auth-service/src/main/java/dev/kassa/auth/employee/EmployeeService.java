package dev.kassa.auth.employee;

import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.PasswordRules;
import dev.kassa.auth.account.PinCodes;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.UserRepository;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.events.EmployeeChanged;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.Phone;
import dev.kassa.platform.validation.RequestRules;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Employees of a store (spec §2.2.6, brief §4): owners create managers, cashiers and stockkeepers; managers
 * only cashiers and stockkeepers; nobody creates an owner here. The chosen password is returned once, in
 * the create (or reset) response, and stored only as a hash.
 */
@Service
public class EmployeeService {

    /**
     * Without {@code username} and {@code password} the employee has no login of their own and signs in at shared tills
     * by PIN only ({@code pin}, now or later through set-pin).
     */
    @DomainValidated
    public record CreateEmployeeRequest(
            @Size(max = 150) String username,
            String password,
            @Size(max = 150) String firstName,
            @Size(max = 150) String lastName,
            @EmailAddress String email,
            String role,
            @Phone String phone,
            @Size(max = 100) String position,
            String pin) {}

    /** A new employee; {@code password} is null when an existing user of the owner's other store was added. */
    /**
     * A new employee. {@code generatedPassword} is set only when the owner gave no password and Kassa made one: it is
     * shown once, in the answer to the creation; a password the owner typed is never echoed back.
     */
    public record Created(
            Employee employee, User user, boolean existingUser, String generatedPassword, boolean pinOnly) {}

    /** A password set by an owner or manager; {@code generatedPassword} only when Kassa made it (shown once). */
    private final UserRepository users;

    private final StoreRepository stores;
    private final EmployeeRepository employees;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;

    private final PinCodes pins;
    private final OutboxPublisher outbox;
    private final EmployeeAnnouncements announcements;
    private final RequestRules rules;

    EmployeeService(
            UserRepository users,
            StoreRepository stores,
            EmployeeRepository employees,
            PasswordEncoder passwordEncoder,
            TokenService tokens,
            PinCodes pins,
            OutboxPublisher outbox,
            EmployeeAnnouncements announcements,
            RequestRules rules) {
        this.announcements = announcements;
        this.pins = pins;
        this.outbox = outbox;
        this.users = users;
        this.stores = stores;
        this.employees = employees;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
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
        } else if (caller.role() != Role.OWNER
                && !Set.of(Role.CASHIER, Role.STOCKKEEPER).contains(role)) {
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
        String username = pinOnly
                ? "pin_"
                        + java.util
                                .UUID
                                .randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16)
                : r.username();
        errors.required("first_name", r.firstName());
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
        Employee employee = employees.saveAndFlush(new Employee(
                        store.id(),
                        user.id(),
                        role,
                        user.firstName(),
                        user.lastName(),
                        r.phone() == null ? "" : r.phone().trim())
                .position(r.position()));
        if (!FieldErrors.blank(r.pin())) {
            applyPin(store, employee, r.pin());
            employee = employees.saveAndFlush(employee);
        }
        announcements.created(store.tenantKey(), employee);
        return new Created(employee, user, false, generated, pinOnly);
    }

    /**
     * An owner brings someone who already works in another of their stores into this one (spec §2.2.6): no new
     * account and no password; anyone else's username is simply taken.
     */
    private Created addExisting(Store store, Role role, User user, CreateEmployeeRequest r) {
        Employee employee = employees.saveAndFlush(new Employee(
                        store.id(),
                        user.id(),
                        role,
                        user.firstName(),
                        user.lastName(),
                        r.phone() == null ? "" : r.phone().trim())
                .position(r.position()));
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

    /** The store's employee record of a user (the original's {@code users/{id}/…} endpoints name users, not employees). */
    @Transactional(readOnly = true)
    public Employee byUser(Caller caller, long userId) {
        return employees
                .findByUserIdAndStoreId(userId, store(caller).id())
                .orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
    }

    /** A user's own profile (or, for owners and managers, an employee's): names, email and username. */
    @Transactional
    public User updateProfile(
            Caller caller, long userId, String firstName, String lastName, String email, String username) {
        Employee employee = byUser(caller, userId);
        if (userId != caller.userId()) {
            if (!caller.managesStore()) {
                throw AuthErrors.OWN_PROFILE_ONLY.exception();
            }
            guard(caller, employee);
        }
        User user = userOf(employee);
        FieldErrors errors = new FieldErrors();
        if (firstName != null) {
            errors.required("first_name", firstName);
        }
        if (username != null) {
            errors.required("username", username);
            if (!errors.has("username")
                    && !username.trim().equals(user.username())
                    && users.existsByUsername(username.trim())) {
                errors.add("username", "auth.username_taken");
            }
        }
        errors.throwIfAny();
        user.describe(
                firstName != null ? firstName.trim() : user.firstName(),
                lastName != null ? lastName : user.lastName(),
                email != null ? email.trim() : user.email());
        if (username != null) {
            user.rename(username.trim());
        }
        employee.describe(user.firstName(), user.lastName(), employee.phone(), employee.position());
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException raced) {
            throw FieldErrors.single("username", "auth.username_taken");
        }
        announcements.updated(
                stores.findById(employee.storeId()).orElseThrow().tenantKey(), employees.saveAndFlush(employee));
        return user;
    }

    @Transactional(readOnly = true)
    public Page<Employee> members(Caller caller, String search, Pageable pageable) {
        return employees.withUsers(
                store(caller).id(),
                search == null || search.isBlank()
                        ? null
                        : LikePatterns.contains(search).toLowerCase(Locale.ROOT),
                pageable);
    }

    @Transactional(readOnly = true)
    public User userOf(Employee employee) {
        return users.accountOf(employee).orElse(null);
    }

    @DomainValidated
    public record UpdateEmployeeRequest(
            @Size(max = 150) String firstName,
            @Size(max = 150) String lastName,
            @EmailAddress String email,
            @Phone String phone,
            @Size(max = 100) String position,
            String role,
            Boolean isActive) {}

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
     * owner here, nobody changes their own role or status, and managers touch only cashiers and stockkeepers
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
     * One's own name, email and phone in the store of the call (the original web client's profile page): any member, a manager
     * too (who may not edit other managers); role and activity are not changed here.
     */
    @Transactional
    public Employee updateOwn(Caller caller, String firstName, String lastName, String email, String phone) {
        Store store = store(caller);
        Employee own = employees
                .findByUserIdAndStoreId(caller.userId(), store.id())
                .orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
        return apply(
                caller, store, own, new UpdateEmployeeRequest(firstName, lastName, email, phone, null, null, null));
    }

    private Employee apply(Caller caller, Store store, Employee employee, UpdateEmployeeRequest r) {
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
        if (r.firstName() != null) {
            errors.required("first_name", r.firstName());
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
            outbox.publish(
                    store.tenantKey(),
                    new EmployeeRoleChanged(
                            store.id(),
                            store.tenantKey(),
                            employee.userId() == null ? 0 : employee.userId(),
                            employee.id(),
                            old.code(),
                            role.code(),
                            now));
        }
        if (r.isActive() != null && r.isActive() != employee.isActive()) {
            employee.activate(r.isActive());
            if (!r.isActive()) {
                deactivated(store, employee, now);
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

    /** Sets (4–6 digits, unique in the store) or clears ({@code null}) an employee's PIN for shared tills. */
    @Transactional
    public Employee setPin(Caller caller, long employeeId, String pin) {
        Store store = store(caller);
        Employee employee = employees
                .findByIdAndStoreId(employeeId, store.id())
                .orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
        guard(caller, employee);
        if (pin == null || pin.isBlank()) {
            employee.pin(null);
            return employees.saveAndFlush(employee);
        }
        applyPin(store, employee, pin);
        try {
            return employees.saveAndFlush(employee);
        } catch (DataIntegrityViolationException raced) {
            throw FieldErrors.single("pin", "employee.pin_taken");
        }
    }

    /** Checks a PIN (4–6 digits, unique in the store) and sets it on the employee. */
    private void applyPin(Store store, Employee employee, String pin) {
        if (!PinCodes.PIN.matcher(pin.trim()).matches()) {
            throw FieldErrors.single("pin", "employee.pin_invalid");
        }
        String hash = pins.hash(store.id(), pin.trim());
        if (employees
                .findByStoreIdAndPinHash(store.id(), hash)
                .filter(e -> !e.id().equals(employee.id()))
                .isPresent()) {
            throw FieldErrors.single("pin", "employee.pin_taken");
        }
        employee.pin(hash);
    }

    /**
     * Who may be chosen as the seller at a shared till: the store's active cashiers first, then its managers and owner (they
     * sell too; a new store has no cashier yet, and the web client refuses to sell until someone is chosen).
     */
    @Transactional(readOnly = true)
    public List<Employee> cashiers(Caller caller) {
        List<Role> sellers = List.of(Role.CASHIER, Role.MANAGER, Role.OWNER);
        return employees
                .search(store(caller).id(), null, true, PageRequest.of(0, 500, Sort.by("firstName", "lastName", "id")))
                .getContent()
                .stream()
                .filter(e -> sellers.contains(e.role()))
                .sorted(Comparator.comparingInt(e -> sellers.indexOf(e.role())))
                .toList();
    }

    private void deactivated(Store store, Employee employee, Instant at) {
        outbox.publish(
                store.tenantKey(),
                new EmployeeDeactivated(
                        store.id(),
                        store.tenantKey(),
                        employee.userId() == null ? 0 : employee.userId(),
                        employee.id(),
                        at));
        if (employee.userId() != null
                && employees.memberships(employee.userId()).isEmpty()) {
            tokens.revokeAll(employee.userId());
        }
    }

    /** Managers manage cashiers and stockkeepers only; owners manage everyone. */
    private static void guard(Caller caller, Employee employee) {
        if (caller.role() != Role.OWNER && (employee.role() == Role.OWNER || employee.role() == Role.MANAGER)) {
            throw PlatformErrors.PERMISSION_DENIED.exception();
        }
    }

    /** The caller's store's employee as the services' directories keep it, by employee id or by account. */
    @Transactional(readOnly = true)
    public Optional<EmployeeChanged> directoryEntry(Caller caller, Long employeeId, Long userId) {
        Store store = store(caller);
        Optional<Employee> employee = employeeId != null
                ? employees.findByIdAndStoreId(employeeId, store.id())
                : userId != null ? employees.findByUserIdAndStoreId(userId, store.id()) : Optional.empty();
        return employee.map(e -> EmployeeAnnouncements.directoryEntry(store.tenantKey(), e));
    }

    private Store store(Caller caller) {
        return stores.activeOf(caller.tenantKey());
    }
}
