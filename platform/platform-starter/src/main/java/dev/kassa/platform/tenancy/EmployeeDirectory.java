package dev.kassa.platform.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;

/**
 * Every store's employees in this service ({@code public.kassa_employee}), kept from auth's employee events: services
 * show names and check that an employee id names an active employee of the store without calling auth.
 */
public class EmployeeDirectory {

    public record Employee(String tenantKey, long employeeId, long userId, String fullName, String role, String phone, boolean isActive) { }

    private static final RowMapper<Employee> ROW = (rs, i) -> new Employee(rs.getString("tenant_key"), rs.getLong("employee_id"),
            rs.getLong("user_id"), rs.getString("full_name"), rs.getString("role"), rs.getString("phone"), rs.getBoolean("is_active"));

    private final JdbcTemplate jdbc;

    public EmployeeDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Employee e) {
        jdbc.update("""
                insert into public.kassa_employee (tenant_key, employee_id, user_id, full_name, role, phone, is_active)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_key, employee_id) do update set user_id = excluded.user_id, full_name = excluded.full_name,
                    role = excluded.role, phone = excluded.phone, is_active = excluded.is_active, updated_at = now()
                """, e.tenantKey(), e.employeeId(), e.userId(), e.fullName(), e.role(), e.phone() == null ? "" : e.phone(), e.isActive());
    }

    public Optional<Employee> find(String tenantKey, long employeeId) {
        return jdbc.query("select * from public.kassa_employee where tenant_key = ? and employee_id = ?", ROW, tenantKey, employeeId)
                .stream().findFirst();
    }

    /** The store's employee record of an account (a user may work in several stores, once in each). */
    public Optional<Employee> byUser(String tenantKey, long userId) {
        return jdbc.query("select * from public.kassa_employee where tenant_key = ? and user_id = ?", ROW, tenantKey, userId).stream().findFirst();
    }

    public List<Employee> active(String tenantKey) {
        return jdbc.query("select * from public.kassa_employee where tenant_key = ? and is_active order by full_name, employee_id", ROW, tenantKey);
    }
}
