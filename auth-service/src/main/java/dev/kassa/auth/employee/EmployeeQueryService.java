package dev.kassa.auth.employee;

import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.events.EmployeeChanged;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The store's employees as the other views look them up: the people of the original's {@code users/} endpoints (by
 * account, or searched with their logins), who may sell at a shared till, and an employee as the services' directories
 * keep them.
 */
@Service
public class EmployeeQueryService {

    private final StoreRepository stores;
    private final EmployeeRepository employees;

    EmployeeQueryService(StoreRepository stores, EmployeeRepository employees) {
        this.stores = stores;
        this.employees = employees;
    }

    /** The store's employee record of a user (the original's {@code users/{id}/…} endpoints name users, not employees). */
    @Transactional(readOnly = true)
    public Employee byUser(Caller caller, long userId) {
        return employees
                .findByUserIdAndStoreId(userId, store(caller).id())
                .orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
    }

    /** The store's active people with a login, searched over username, names and email. */
    @Transactional(readOnly = true)
    public Page<Employee> members(Caller caller, String search, Pageable pageable) {
        return employees.withUsers(
                store(caller).id(),
                search == null || search.isBlank()
                        ? null
                        : LikePatterns.contains(search).toLowerCase(Locale.ROOT),
                pageable);
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
