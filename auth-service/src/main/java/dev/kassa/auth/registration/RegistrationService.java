package dev.kassa.auth.registration;

import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.PasswordRules;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreDetails;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.UserRepository;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.RequestRules;
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
    private final RequestRules rules;

    RegistrationService(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            TokenService tokens,
            StoreOpening opening,
            RequestRules rules) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.opening = opening;
        this.rules = rules;
    }

    @Transactional
    public Registered register(RegisterRequest r) {
        StoreOpening.Details store = new StoreOpening.Details(
                r.storeName(),
                r.storeSlug(),
                new StoreDetails(
                        r.storeDescription(),
                        r.storeAddress(),
                        r.storeCity(),
                        r.storeRegion(),
                        r.storePhone(),
                        r.storeEmail(),
                        r.storeLegalName(),
                        r.storeTaxId()),
                r.storeTimeZone(),
                null);
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

    /**
     * Validates every field that is present: the request's declared rules and those that need the database or another
     * field, in one answer; returns the store slug to use.
     */
    private String validate(RegisterRequest r, StoreOpening.Details store) {
        FieldErrors errors = rules.check(r);
        if (!blank(r.username()) && users.existsByUsername(r.username().trim())) {
            errors.add("username", "auth.username_taken");
        }
        PasswordRules.password(errors, "password", r.password());
        if (blank(r.confirmation())) {
            errors.required(r.confirmationField());
        } else if (r.password() != null && !r.password().equals(r.confirmation())) {
            errors.add(r.confirmationField(), "auth.passwords_differ");
        }
        // the owner's phone spelled phone counts only without owner_phone (which declares its own rule)
        if (r.ownerPhone() == null) {
            errors.phone("phone", r.phone());
        }
        String slug = opening.validate(store, StoreOpening.Fields.REGISTRATION, errors);
        errors.throwIfAny();
        return slug;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
