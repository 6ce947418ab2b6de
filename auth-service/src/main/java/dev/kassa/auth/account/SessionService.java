package dev.kassa.auth.account;

import dev.kassa.auth.token.TokenPair;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.SecurityEvents;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Login (spec §2.2.5) and the caller's stores, computed with one query instead of a scan of every tenant. */
@Service
public class SessionService {

    /** BCrypt hash of a random string, checked when the user does not exist so timing does not reveal usernames. */
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoO5uF2SJYgAoUSu1wZfMHjF5eWvvO0d1K";

    public record LoggedIn(TokenPair tokens, User user, List<Membership> memberships) { }

    private final UserRepository users;
    private final EmployeeRepository employees;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final SecurityEvents events;

    SessionService(UserRepository users, EmployeeRepository employees, PasswordEncoder passwordEncoder, TokenService tokens,
                   SecurityEvents events) {
        this.users = users;
        this.employees = employees;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.events = events;
    }

    @Transactional
    public LoggedIn login(String username, String password) {
        FieldErrors errors = new FieldErrors();
        if (username == null || username.isBlank()) {
            errors.add("username", "validation.required");
        }
        if (password == null || password.isEmpty()) {
            errors.add("password", "validation.required");
        }
        errors.throwIfAny();
        User user = users.findByUsername(username.trim()).orElse(null);
        boolean matches = passwordEncoder.matches(password, user == null ? DUMMY_HASH : user.passwordHash());
        if (user == null || !matches || !user.isActive()) {
            events.record("login_failed", username.trim(), "bad credentials");
            throw new KassaException(401, "authentication_failed", "auth.bad_credentials");
        }
        List<Membership> memberships = employees.memberships(user.id());
        if (memberships.isEmpty()) {
            events.record("login_failed", user.username(), "no active store");
            throw FieldErrors.single("non_field_errors", "auth.no_active_store");
        }
        user.loggedIn();
        events.record("login_ok", user.username(), "stores=" + memberships.size());
        return new LoggedIn(tokens.issue(user), user, memberships);
    }

    @Transactional(readOnly = true)
    public User user(long userId) {
        return users.findById(userId).orElseThrow(() -> new KassaException(401, "not_authenticated", "error.not_authenticated"));
    }

    @Transactional(readOnly = true)
    public List<Membership> memberships(long userId) {
        return employees.memberships(userId);
    }
}
