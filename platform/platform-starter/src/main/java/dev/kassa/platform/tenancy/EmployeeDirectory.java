package dev.kassa.platform.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every store's employees in this service ({@code public.kassa_employee}), kept from auth's employee events: services
 * show names and check that an employee id names an active employee of the store without calling auth. A check that
 * must not refuse someone the store has just created or reactivated ({@link #current}) reads through to auth when the
 * directory does not know them as active yet.
 */
public class EmployeeDirectory {

    public record Employee(
            String tenantKey,
            long employeeId,
            long userId,
            String fullName,
            String role,
            String phone,
            boolean isActive) {}

    private static final RowMapper<Employee> ROW = (rs, i) -> new Employee(
            rs.getString("tenant_key"),
            rs.getLong("employee_id"),
            rs.getLong("user_id"),
            rs.getString("full_name"),
            rs.getString("role"),
            rs.getString("phone"),
            rs.getBoolean("is_active"));

    private final JdbcTemplate jdbc;
    private final Optional<EmployeeLookup> source;

    public EmployeeDirectory(JdbcTemplate jdbc) {
        this(jdbc, Optional.empty());
    }

    public EmployeeDirectory(JdbcTemplate jdbc, Optional<EmployeeLookup> source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    /** The employee as they are now: the directory's record when it shows them active, else auth's (kept if the directory had none). */
    public Optional<Employee> current(String tenantKey, long employeeId) {
        return readThrough(find(tenantKey, employeeId), () -> source.flatMap(s -> s.employee(tenantKey, employeeId)));
    }

    /** The store's employee record of an account as it is now (see {@link #current}). */
    public Optional<Employee> currentOfUser(String tenantKey, long userId) {
        return readThrough(byUser(tenantKey, userId), () -> source.flatMap(s -> s.ofUser(tenantKey, userId)));
    }

    private Optional<Employee> readThrough(Optional<Employee> known, Supplier<Optional<Employee>> fetch) {
        if (known.filter(Employee::isActive).isPresent() || source.isEmpty()) {
            return known;
        }
        Optional<Employee> fetched = fetch.get();
        if (fetched.isEmpty()) {
            return known;
        }
        if (known.isEmpty()) {
            // the event will say the same (or newer) soon; never overwrite what an event has already written
            Employee e = fetched.get();
            jdbc.update(
                    """
                    insert into public.kassa_employee (tenant_key, employee_id, user_id, full_name, role, phone, is_active)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_key, employee_id) do nothing
                    """,
                    columns(e));
        }
        return fetched;
    }

    public void save(Employee e) {
        jdbc.update(
                """
                insert into public.kassa_employee (tenant_key, employee_id, user_id, full_name, role, phone, is_active)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_key, employee_id) do update set user_id = excluded.user_id, full_name = excluded.full_name,
                    role = excluded.role, phone = excluded.phone, is_active = excluded.is_active, updated_at = now()
                """,
                columns(e));
    }

    /** The record's values in the order of the insert's columns. */
    private static Object[] columns(Employee e) {
        return new Object[] {
            e.tenantKey(),
            e.employeeId(),
            e.userId(),
            e.fullName(),
            e.role(),
            e.phone() == null ? "" : e.phone(),
            e.isActive()
        };
    }

    public Optional<Employee> find(String tenantKey, long employeeId) {
        return jdbc
                .query(
                        "select * from public.kassa_employee where tenant_key = ? and employee_id = ?",
                        ROW,
                        tenantKey,
                        employeeId)
                .stream()
                .findFirst();
    }

    /** The store's employee record of an account (a user may work in several stores, once in each). */
    public Optional<Employee> byUser(String tenantKey, long userId) {
        return jdbc
                .query(
                        "select * from public.kassa_employee where tenant_key = ? and user_id = ?",
                        ROW,
                        tenantKey,
                        userId)
                .stream()
                .findFirst();
    }

    public List<Employee> active(String tenantKey) {
        return jdbc.query(
                "select * from public.kassa_employee where tenant_key = ? and is_active order by full_name, employee_id",
                ROW,
                tenantKey);
    }
}
