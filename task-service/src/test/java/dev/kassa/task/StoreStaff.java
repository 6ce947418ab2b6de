package dev.kassa.task;

import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.TestStores;

/**
 * A store with the staff the task tests work with, as auth's events would have told the directory: manager Malika
 * (employee 10, user 110), cashiers Anna (20, 120) and Bobur (30, 130), and a former cashier (40, 140, inactive).
 */
final class StoreStaff {
    private StoreStaff() {}

    static String store(EmployeeDirectory staff, String prefix) {
        String store = TestStores.newKey(prefix);
        staff.save(new EmployeeDirectory.Employee(store, 10, 110, "Менеджер Малика", "manager", "", true));
        staff.save(new EmployeeDirectory.Employee(store, 20, 120, "Кассир Анна", "cashier", "", true));
        staff.save(new EmployeeDirectory.Employee(store, 30, 130, "Кассир Бобур", "cashier", "", true));
        staff.save(new EmployeeDirectory.Employee(store, 40, 140, "Уволенный", "cashier", "", false));
        return store;
    }

    /** The task service at {@code port} as {@code user} with {@code role} in {@code store}. */
    static Api as(int port, String store, long user, String role) {
        return Api.member(port, store, user, "u" + user, role);
    }
}
