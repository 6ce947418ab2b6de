package dev.kassa.auth.registration;

import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.UserRepository;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.TenantKeys;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;

import static dev.kassa.platform.error.FieldErrors.blank;

/**
 * One-window registration (spec §2.2.4, brief §7): user, store and owner employee in one transaction,
 * then {@code StoreCreated} through the outbox in that same transaction. A failure leaves nothing behind.
 */
@Service
public class RegistrationService {

    static final String DEFAULT_TIME_ZONE = "Asia/Tashkent";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Registered(User user, Store store, Employee employee, TokenPair tokens) { }

    private final UserRepository users;
    private final StoreRepository stores;
    private final EmployeeRepository employees;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final OutboxPublisher outbox;

    RegistrationService(UserRepository users, StoreRepository stores, EmployeeRepository employees, PasswordEncoder passwordEncoder,
                        TokenService tokens, OutboxPublisher outbox) {
        this.users = users;
        this.stores = stores;
        this.employees = employees;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.outbox = outbox;
    }

    @Transactional
    public Registered register(RegisterRequest r) {
        String slug = validate(r);
        User user;
        try {
            user = users.saveAndFlush(new User(r.username().trim(), passwordEncoder.encode(r.password()), trim(r.firstName()),
                    trim(r.lastName()), trim(r.middleName()), trim(r.email()), trim(r.ownerPhoneValue())));
        } catch (DataIntegrityViolationException raced) {
            throw FieldErrors.single("username", "auth.username_taken");
        }
        String timeZone = blank(r.storeTimeZone()) ? DEFAULT_TIME_ZONE : r.storeTimeZone().trim();
        String tenantKey = slug + "_" + HexFormat.of().formatHex(randomBytes(4));
        Store store = stores.saveAndFlush(new Store(r.storeName().trim(), slug, TenantKeys.schemaForSlug(slug), tenantKey, timeZone, user.id())
                .details(r.storeDescription(), r.storeAddress(), r.storeCity(), r.storeRegion(), trim(r.storePhone()),
                        trim(r.storeEmail()), r.storeLegalName(), r.storeTaxId()));
        Employee owner = employees.saveAndFlush(new Employee(store.id(), user.id(), Role.OWNER, user.firstName(), user.lastName(),
                trim(r.ownerPhoneValue())));
        outbox.publish(Topics.AUTH, StoreCreated.TYPE, tenantKey, new StoreCreated(store.id(), tenantKey, slug, store.schemaName(),
                store.name(), timeZone, user.id()));
        return new Registered(user, store, owner, tokens.issue(user));
    }

    /** Validates every field that is present; returns the store slug to use. */
    private String validate(RegisterRequest r) {
        FieldErrors errors = new FieldErrors();
        errors.required("username", r.username(), 150);
        if (!blank(r.username()) && users.existsByUsername(r.username().trim())) {
            errors.add("username", "auth.username_taken");
        }
        PasswordRules.password(errors, "password", r.password());
        if (blank(r.confirmation())) {
            errors.add(r.confirmationField(), "validation.required");
        } else if (r.password() != null && !r.password().equals(r.confirmation())) {
            errors.add(r.confirmationField(), "auth.passwords_differ");
        }
        errors.required("first_name", r.firstName(), 150);
        errors.maxLength("last_name", r.lastName(), 150);
        errors.maxLength("middle_name", r.middleName(), 150);
        errors.email("email", r.email());
        errors.phone(r.ownerPhoneField(), r.ownerPhoneValue());
        errors.required("store_name", r.storeName(), 255);
        errors.maxLength("store_address", r.storeAddress(), 500);
        errors.maxLength("store_city", r.storeCity(), 100);
        errors.maxLength("store_region", r.storeRegion(), 100);
        errors.phone("store_phone", r.storePhone());
        errors.email("store_email", r.storeEmail());
        errors.maxLength("store_legal_name", r.storeLegalName(), 255);
        errors.maxLength("store_tax_id", r.storeTaxId(), 50);
        if (!blank(r.storeTimeZone())) {
            try {
                ZoneId.of(r.storeTimeZone().trim());
            } catch (DateTimeException e) {
                errors.add("store_time_zone", "auth.time_zone_invalid");
            }
        }
        String slug = null;
        if (!blank(r.storeSlug())) {
            slug = r.storeSlug().trim().toLowerCase(Locale.ROOT);
            if (!TenantKeys.isValidSlug(slug)) {
                errors.add("store_slug", "auth.slug_invalid");
            } else if (stores.existsBySchemaName(TenantKeys.schemaForSlug(slug))) {
                errors.add("store_slug", "auth.slug_taken");
            }
        }
        errors.throwIfAny();
        return slug != null ? slug : uniqueSlug(Slugs.fromName(r.storeName()));
    }

    /** Generated slugs get {@code _1}, {@code _2}, … on collision (two slugs that differ only in '-'/'_' collide too). */
    private String uniqueSlug(String base) {
        String candidate = base;
        for (int i = 1; stores.existsBySchemaName(TenantKeys.schemaForSlug(candidate)); i++) {
            candidate = base + "_" + i;
        }
        return candidate;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
