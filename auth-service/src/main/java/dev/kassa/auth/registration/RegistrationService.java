package dev.kassa.auth.registration;

import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.PasswordRules;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.UserRepository;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.kassa.platform.error.FieldErrors.blank;

/**
 * One-window registration (spec §2.2.4, brief §7): user, store and owner employee in one transaction,
 * then {@code StoreCreated} through the outbox in that same transaction. A failure leaves nothing behind.
 */
@Service
public class RegistrationService {

    public record Registered(User user, Store store, Employee employee, TokenPair tokens) {}

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final StoreOpening opening;

    RegistrationService(
            UserRepository users, PasswordEncoder passwordEncoder, TokenService tokens, StoreOpening opening) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.opening = opening;
    }

    @Transactional
    public Registered register(RegisterRequest r) {
        StoreOpening.Details store = new StoreOpening.Details(
                r.storeName(),
                r.storeSlug(),
                r.storeDescription(),
                r.storeAddress(),
                r.storeCity(),
                r.storeRegion(),
                r.storePhone(),
                r.storeEmail(),
                r.storeLegalName(),
                r.storeTaxId(),
                r.storeTimeZone());
        String slug = validate(r, store);
        User user;
        try {
            user = users.saveAndFlush(new User(
                    r.username().trim(),
                    passwordEncoder.encode(r.password()),
                    trim(r.firstName()),
                    trim(r.lastName()),
                    trim(r.middleName()),
                    trim(r.email()),
                    trim(r.ownerPhoneValue())));
        } catch (DataIntegrityViolationException raced) {
            throw FieldErrors.single("username", "auth.username_taken");
        }
        StoreOpening.Opened opened = opening.open(user, slug, store, r.ownerPhoneValue());
        return new Registered(user, opened.store(), opened.owner(), tokens.issue(user.id()));
    }

    /** Validates every field that is present; returns the store slug to use. */
    private String validate(RegisterRequest r, StoreOpening.Details store) {
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
        String slug = opening.validate(store, StoreOpening.Fields.REGISTRATION, errors);
        errors.throwIfAny();
        return slug;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
