package dev.kassa.auth.employee;

import dev.kassa.auth.account.Employee;
import dev.kassa.auth.token.AccessRevocations;
import dev.kassa.platform.events.EmployeeChanged;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * Announces employees to every service, in the transaction that changed them: their directory entries, and the changes
 * that end their access to a store (a new role, a deactivation).
 */
@Component
public class EmployeeAnnouncements {

    private final OutboxPublisher outbox;
    private final AccessRevocations access;

    EmployeeAnnouncements(OutboxPublisher outbox, AccessRevocations access) {
        this.outbox = outbox;
        this.access = access;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String tenantKey, Employee e) {
        outbox.publish(tenantKey, announcement(tenantKey, e));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(String tenantKey, Employee e) {
        EmployeeCreated now = announcement(tenantKey, e);
        outbox.publish(
                tenantKey,
                new EmployeeUpdated(
                        now.storeId(),
                        now.tenantKey(),
                        now.employeeId(),
                        now.userId(),
                        now.fullName(),
                        now.role(),
                        now.phone(),
                        now.position(),
                        now.isActive()));
    }

    /** The employee as both announcements carry them (an update repeats every field: consumers keep the last). */
    private static EmployeeCreated announcement(String tenantKey, Employee e) {
        return new EmployeeCreated(
                e.storeId(),
                tenantKey,
                e.id(),
                e.userId() == null ? 0 : e.userId(),
                fullName(e),
                e.role().code(),
                e.phone() == null ? "" : e.phone(),
                e.position() == null ? "" : e.position(),
                e.isActive());
    }

    /** The employee's role changed from {@code old}: their tokens for the store issued before {@code at} stop working. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void roleChanged(String tenantKey, Employee e, Role old, Instant at) {
        access.announce(
                tenantKey,
                e.userId() == null ? 0 : e.userId(),
                at,
                new EmployeeRoleChanged(
                        e.storeId(),
                        tenantKey,
                        e.userId() == null ? 0 : e.userId(),
                        e.id(),
                        old.code(),
                        e.role().code(),
                        at));
    }

    /** The employee was deactivated: their tokens for the store issued before {@code at} stop working. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deactivated(String tenantKey, Employee e, Instant at) {
        access.announce(
                tenantKey,
                e.userId() == null ? 0 : e.userId(),
                at,
                new EmployeeDeactivated(e.storeId(), tenantKey, e.userId() == null ? 0 : e.userId(), e.id(), at));
    }

    /** The employee as every service's directory keeps it (what the events carry), for a directory that has not heard of them yet. */
    static EmployeeChanged directoryEntry(String tenantKey, Employee e) {
        EmployeeCreated a = announcement(tenantKey, e);
        return new EmployeeChanged(
                tenantKey, a.employeeId(), a.userId(), a.fullName(), a.role(), a.phone(), a.isActive());
    }

    private static String fullName(Employee e) {
        return String.join(
                " ",
                Stream.of(e.firstName(), e.lastName())
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
    }
}
