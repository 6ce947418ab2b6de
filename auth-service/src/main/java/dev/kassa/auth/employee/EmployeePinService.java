package dev.kassa.auth.employee;

import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.PinCodes;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PINs employees sign in with at a store's shared tills: 4–6 digits, unique in the store, kept only as a hash
 * ({@link PinCodes}). An owner or manager sets or clears one (managers only for cashiers and stockkeepers), or gives it
 * with the employee's creation.
 */
@Service
public class EmployeePinService {

    private final StoreRepository stores;
    private final EmployeeRepository employees;
    private final PinCodes pins;

    EmployeePinService(StoreRepository stores, EmployeeRepository employees, PinCodes pins) {
        this.stores = stores;
        this.employees = employees;
        this.pins = pins;
    }

    /** Sets (4–6 digits, unique in the store) or clears ({@code null}) an employee's PIN for shared tills. */
    @Transactional
    public Employee setPin(Caller caller, long employeeId, String pin) {
        Store store = stores.activeOf(caller.tenantKey());
        Employee employee = employees
                .findByIdAndStoreId(employeeId, store.id())
                .orElseThrow(() -> AuthErrors.EMPLOYEE_NOT_FOUND.exception());
        EmployeeService.guard(caller, employee);
        if (pin == null || pin.isBlank()) {
            employee.pin(null);
            return employees.saveAndFlush(employee);
        }
        apply(store, employee, pin);
        try {
            return employees.saveAndFlush(employee);
        } catch (DataIntegrityViolationException raced) {
            throw FieldErrors.single("pin", "employee.pin_taken");
        }
    }

    /**
     * Checks a PIN (4–6 digits, unique in the store) and sets it on the employee, in the caller's transaction (an
     * employee's creation); the caller saves the employee.
     */
    void apply(Store store, Employee employee, String pin) {
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
}
