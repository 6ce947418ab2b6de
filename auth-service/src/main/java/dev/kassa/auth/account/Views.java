package dev.kassa.auth.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Role;

import java.time.Instant;
import java.util.List;

/** Response shapes of users, stores and employees (spec §2.3.1–§2.3.3). */
public final class Views {
    private Views() {}

    public record UserView(Long id, String username, String email, String firstName, String lastName, String fullName) {
        public static UserView from(User u) {
            return new UserView(u.id(), u.username(), u.email(), u.firstName(), u.lastName(), u.fullName());
        }
    }

    public record StoreView(
            Long id,
            String name,
            String slug,
            String tenantKey,
            String schemaName,
            @JsonUnwrapped StoreDetails details,
            String timeZone,
            String kind,
            boolean isActive,
            Instant createdAt) {
        public static StoreView from(Store s) {
            return new StoreView(
                    s.id(),
                    s.name(),
                    s.slug(),
                    s.tenantKey(),
                    s.schemaName(),
                    s.details(),
                    s.timeZone(),
                    s.kind(),
                    s.isActive(),
                    s.createdAt());
        }
    }

    public record EmployeeView(Long id, String role, String roleDisplay, String phone, List<String> permissions) {
        public static EmployeeView from(Employee e) {
            Role role = e.role();
            return new EmployeeView(
                    e.id(), role.code(), role.display(Messages.language()), e.phone(), role.permissions());
        }
    }

    /** An entry of login's {@code available_stores}. */
    /** The store a client selects after login or registration (its tenant key goes into X-Tenant-Key). */
    public record DefaultStore(String tenantKey, String name, String role) {
        public static DefaultStore from(AvailableStore store) {
            return new DefaultStore(store.tenantKey(), store.name(), store.role());
        }
    }

    public record AvailableStore(
            Long id,
            String name,
            String slug,
            String tenantKey,
            String role,
            String roleDisplay,
            List<String> permissions) {
        public static AvailableStore from(Membership m) {
            Role role = m.employee().role();
            return new AvailableStore(
                    m.store().id(),
                    m.store().name(),
                    m.store().slug(),
                    m.store().tenantKey(),
                    role.code(),
                    role.display(Messages.language()),
                    role.permissions());
        }
    }
}
