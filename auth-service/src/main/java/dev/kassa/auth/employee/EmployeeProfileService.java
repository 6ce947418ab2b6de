package dev.kassa.auth.employee;

import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.UserRepository;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles: a person's names, email and username (their own, or for owners and managers an employee's), and one's own
 * names, email and phone in the store of the call (the original web client's profile page). A change reaches every
 * service's directory ({@code EmployeeUpdated}).
 */
@Service
public class EmployeeProfileService {

    private final UserRepository users;
    private final StoreRepository stores;
    private final EmployeeRepository employees;
    private final EmployeeService employeeService;
    private final EmployeeAnnouncements announcements;
    private final EmployeeQueryService queries;

    EmployeeProfileService(
            UserRepository users,
            StoreRepository stores,
            EmployeeRepository employees,
            EmployeeService employeeService,
            EmployeeAnnouncements announcements,
            EmployeeQueryService queries) {
        this.queries = queries;
        this.users = users;
        this.stores = stores;
        this.employees = employees;
        this.employeeService = employeeService;
        this.announcements = announcements;
    }

    /** A user's own profile (or, for owners and managers, an employee's): names, email and username. */
    @Transactional
    public User updateProfile(
            Caller caller, long userId, String firstName, String lastName, String email, String username) {
        Employee employee = queries.byUser(caller, userId);
        if (userId != caller.userId()) {
            if (!caller.managesStore()) {
                throw AuthErrors.OWN_PROFILE_ONLY.exception();
            }
            EmployeeService.guard(caller, employee);
        }
        User user = users.accountOf(employee).orElse(null);
        // the request's declared rules were checked at the controller, before who may change the profile was known
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

    /**
     * One's own name, email and phone in the store of the call (the original web client's profile page): any member, a manager
     * too (who may not edit other managers); role and activity are not changed here.
     */
    @Transactional
    public Employee updateOwn(Caller caller, String firstName, String lastName, String email, String phone) {
        Store store = stores.activeOf(caller.tenantKey());
        Employee own = employees
                .findByUserIdAndStoreId(caller.userId(), store.id())
                .orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
        return employeeService.apply(
                caller, store, own, new UpdateEmployeeRequest(firstName, lastName, email, phone, null, null, null));
    }
}
