package dev.kassa.auth.account;

import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.SecurityEvents;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;

/** Login (spec §2.2.5) and the caller's stores, computed with one query instead of a scan of every tenant. */
@Service
public class SessionService {

    /** BCrypt hash of a random string, checked when the user does not exist so timing does not reveal usernames. */
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoO5uF2SJYgAoUSu1wZfMHjF5eWvvO0d1K";

    public record LoggedIn(TokenPair tokens, User user, List<Membership> memberships) {}

    private final UserRepository users;
    private final EmployeeRepository employees;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final SecurityEvents events;

    private final StoreRepository stores;
    private final Throttle throttle;
    private final LoginLimits limits;
    private final PinCodes pins;
    private final TransactionTemplate tx;

    SessionService(
            UserRepository users,
            EmployeeRepository employees,
            PasswordEncoder passwordEncoder,
            TokenService tokens,
            SecurityEvents events,
            StoreRepository stores,
            Throttle throttle,
            LoginLimits limits,
            PinCodes pins,
            TransactionTemplate tx) {
        this.tx = tx;
        this.stores = stores;
        this.throttle = throttle;
        this.limits = limits;
        this.pins = pins;
        this.users = users;
        this.employees = employees;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.events = events;
    }

    /**
     * Logs in with a password. Wrong passwords are counted per username and per client address; past the
     * limits both are locked for a while (429 with Retry-After), and then the right password is refused too.
     * No database connection is held while the password is hashed or while the throttle counts (each of its steps is a
     * transaction of its own): with a transaction around the whole login, as many concurrent logins as the pool has
     * connections each held one and waited for a second one for the throttle, and logins stalled for the pool's timeout.
     */
    public LoggedIn login(String username, String password, String clientAddress) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        throttle.check(limits.user, name);
        throttle.check(limits.ip, clientAddress);
        User user = users.findByUsername(username.trim()).orElse(null);
        boolean matches = passwordEncoder.matches(password, user == null ? DUMMY_HASH : user.passwordHash());
        if (user == null || !matches || !user.isActive()) {
            events.record("login_failed", username.trim(), "bad credentials from " + clientAddress);
            throttle.failed(limits.user, name);
            throttle.failed(limits.ip, clientAddress);
            throw AuthErrors.BAD_CREDENTIALS.exception();
        }
        throttle.succeeded(limits.user, name);
        return tx.execute(s -> {
            List<Membership> memberships = employees.memberships(user.id());
            if (memberships.isEmpty()) {
                events.record("login_failed", user.username(), "no active store");
                throw FieldErrors.single("non_field_errors", "auth.no_active_store");
            }
            User current = users.findById(user.id())
                    .filter(User::isActive)
                    .orElseThrow(() -> AuthErrors.BAD_CREDENTIALS.exception());
            current.loggedIn();
            events.record("login_ok", current.username(), "stores=" + memberships.size());
            return new LoggedIn(tokens.issue(current.id()), current, memberships);
        });
    }

    /**
     * PIN login on a shared till: the PIN names one employee of the store; the tokens open that store only.
     * Wrong PINs are counted per store; past the limit PIN login to the store is locked (423 with Retry-After).
     * Like {@link #login}, the throttle's steps are transactions of their own and no connection waits on them.
     */
    public LoggedIn pinLogin(String tenantKey, String pin) {
        Store store = stores.findByTenantKey(tenantKey.trim())
                .filter(Store::isActive)
                .orElseThrow(() -> AuthErrors.BAD_PIN.exception());
        String subject = String.valueOf(store.id());
        throttle.check(limits.pin, subject);
        Employee employee = PinCodes.PIN.matcher(pin.trim()).matches()
                ? employees
                        .findByStoreIdAndPinHash(store.id(), pins.hash(store.id(), pin.trim()))
                        .filter(Employee::isActive)
                        .orElse(null)
                : null;
        User user = employee == null || employee.userId() == null
                ? null
                : users.findById(employee.userId()).filter(User::isActive).orElse(null);
        if (user == null) {
            events.record("pin_login_failed", store.tenantKey(), "wrong PIN");
            throttle.failed(limits.pin, subject);
            throw AuthErrors.BAD_PIN.exception();
        }
        throttle.succeeded(limits.pin, subject);
        return tx.execute(s -> {
            User current =
                    users.findById(user.id()).filter(User::isActive).orElseThrow(() -> AuthErrors.BAD_PIN.exception());
            current.loggedIn();
            events.record("pin_login_ok", current.username(), store.tenantKey());
            List<Membership> memberships = employees.memberships(current.id()).stream()
                    .filter(m -> m.store().id().equals(store.id()))
                    .toList();
            return new LoggedIn(tokens.issue(current.id(), store.id()), current, memberships);
        });
    }

    @Transactional(readOnly = true)
    public User user(long userId) {
        return users.findById(userId).orElseThrow(() -> PlatformErrors.NOT_AUTHENTICATED.exception());
    }

    /**
     * The caller's profile in the store of the tenant key: one statement in one transaction; when it finds nothing, the
     * caller's account is gone (not authenticated) or they are no member of that store.
     */
    @Transactional(readOnly = true)
    public Profile profile(long userId, String tenantKey) {
        return employees.profile(userId, tenantKey).orElseThrow(() -> {
            user(userId);
            return PlatformErrors.NOT_A_MEMBER.exception();
        });
    }

    @Transactional(readOnly = true)
    public List<Membership> memberships(long userId) {
        return employees.memberships(userId);
    }
}
