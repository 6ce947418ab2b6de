package dev.kassa.auth.employee;

import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.PasswordRules;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.UserRepository;
import dev.kassa.auth.token.AccessRevocations;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.RequestRules;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * Passwords of the people working in a store: an owner or manager resets an employee's, anyone changes their own. Every
 * change ends the person's sessions everywhere; a password is stored only as a hash and one Kassa makes is shown once.
 */
@Service
public class EmployeePasswordService {

    public record PasswordSet(User user, String generatedPassword) {}

    private final UserRepository users;
    private final EmployeeService staff;
    private final EmployeeRepository employees;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final AccessRevocations access;
    private final RequestRules rules;

    EmployeePasswordService(
            UserRepository users,
            EmployeeService staff,
            EmployeeRepository employees,
            PasswordEncoder passwordEncoder,
            TokenService tokens,
            AccessRevocations access,
            RequestRules rules) {
        this.users = users;
        this.staff = staff;
        this.employees = employees;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.access = access;
        this.rules = rules;
    }

    /**
     * Sets a new password for an employee of the store (Kassa makes one when none is given); their sessions end.
     * Managers cannot reset owners or managers.
     */
    @Transactional
    public PasswordSet resetPassword(Caller caller, long employeeId, String requested) {
        Employee employee = staff.get(caller, employeeId);
        EmployeeService.guard(caller, employee);
        User user = users.accountOf(employee).orElseThrow(() -> AuthErrors.NO_ACCOUNT.exception());
        String generated = FieldErrors.blank(requested) ? PasswordRules.generate() : null;
        String newPassword = generated != null ? generated : requested;
        FieldErrors errors = new FieldErrors();
        PasswordRules.password(errors, "new_password", newPassword);
        errors.throwIfAny();
        user.changePassword(passwordEncoder.encode(newPassword));
        passwordChanged(user);
        return new PasswordSet(user, generated);
    }

    /** The caller changes their own password after proving the old one; their sessions end (the caller gets a new pair). */
    @Transactional
    public User changePassword(Caller caller, ChangePasswordRequest r) {
        User user = users.findById(caller.userId()).orElseThrow(() -> PlatformErrors.NOT_AUTHENTICATED.exception());
        FieldErrors errors = rules.check(r);
        if (!FieldErrors.blank(r.oldPassword()) && !passwordEncoder.matches(r.oldPassword(), user.passwordHash())) {
            errors.add("old_password", "auth.old_password_wrong");
        }
        PasswordRules.password(errors, "new_password", r.newPassword());
        errors.throwIfAny();
        user.changePassword(passwordEncoder.encode(r.newPassword()));
        passwordChanged(user);
        return user;
    }

    /**
     * A changed or reset password ends every session of the person: refresh tokens here, and live access tokens in every
     * service of every store they work in ({@code UserPasswordChanged}, read like a deactivation). Tokens carry their
     * issue time in milliseconds, so the pair issued right after the change (the caller's own) stays good.
     */
    private void passwordChanged(User user) {
        Instant at = Instant.now();
        tokens.revokeAll(user.id());
        for (var m : employees.memberships(user.id())) {
            access.announce(
                    m.store().tenantKey(),
                    user.id(),
                    at,
                    new UserPasswordChanged(m.store().id(), m.store().tenantKey(), user.id(), at));
        }
    }
}
