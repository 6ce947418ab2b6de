package dev.kassa.auth.store;

import dev.kassa.auth.account.Membership;
import dev.kassa.auth.account.SessionService;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreDetails;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.auth.account.User;
import dev.kassa.auth.registration.StoreOpening;
import dev.kassa.auth.token.AccessRevocations;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.events.StoreUpdated;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.RequestRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

import static dev.kassa.platform.data.Values.blankToNull;

/**
 * An owner's stores: opening another one (with fresh tokens that include it), changing its details and closing it. Every
 * change is announced on the outbox in the same transaction, so every service learns it.
 */
@Service
class StoreService {

    /** A store just opened and the owner's new tokens, which open it too. */
    record Opened(Store store, TokenPair tokens) {}

    private final SessionService sessions;
    private final StoreRepository stores;
    private final StoreOpening opening;
    private final TokenService tokens;
    private final OutboxPublisher outbox;
    private final AccessRevocations access;
    private final RequestRules rules;

    StoreService(
            SessionService sessions,
            StoreRepository stores,
            StoreOpening opening,
            TokenService tokens,
            OutboxPublisher outbox,
            AccessRevocations access,
            RequestRules rules) {
        this.access = access;
        this.sessions = sessions;
        this.stores = stores;
        this.opening = opening;
        this.tokens = tokens;
        this.outbox = outbox;
        this.rules = rules;
    }

    /** Opens another store for a caller who already owns an active one. */
    @Transactional
    public Opened open(CreateStoreRequest r, Caller caller) {
        if (!stores.existsByOwnerIdAndIsActiveTrue(caller.userId())) {
            throw PlatformErrors.PERMISSION_DENIED.exception();
        }
        User owner = sessions.user(caller.userId());
        StoreOpening.Details details = new StoreOpening.Details(
                r.name(),
                r.slug(),
                new StoreDetails(
                        r.description(),
                        r.address(),
                        r.city(),
                        r.region(),
                        r.phone(),
                        r.email(),
                        r.legalName(),
                        r.taxId()),
                r.timeZone(),
                r.kind());
        FieldErrors errors = rules.check(r);
        errors.required("name", r.name());
        String slug = opening.validate(details, StoreOpening.Fields.STORE, errors);
        String copyFrom = blankToNull(r.copyCatalogueFrom());
        if (copyFrom != null
                && stores.findByTenantKey(copyFrom)
                        .filter(s -> s.isActive() && s.ownerId() == caller.userId())
                        .isEmpty()) {
            errors.add("copy_catalogue_from", "store.copy_catalogue_not_owned");
        }
        errors.throwIfAny();
        StoreOpening.Opened opened = opening.open(owner, slug, details, null, copyFrom);
        return new Opened(opened.store(), tokens.issue(owner.id()));
    }

    /** Changes the fields given (slug and tenant key never change) and announces {@code StoreUpdated}. */
    @Transactional
    public Store update(long id, CreateStoreRequest r, Caller caller) {
        Store store = owned(id, caller);
        FieldErrors errors = rules.check(r);
        if (r.name() != null) {
            errors.required("name", r.name());
        }
        if (r.slug() != null && !r.slug().equals(store.slug())) {
            errors.add("slug", "store.slug_fixed");
        }
        if (r.kind() != null && !r.kind().equals(store.kind())) {
            errors.add("kind", "store.kind_fixed");
        }
        if (r.timeZone() != null) {
            try {
                ZoneId.of(r.timeZone().trim());
            } catch (DateTimeException e) {
                errors.add("time_zone", "store.time_zone_invalid");
            }
        }
        errors.throwIfAny();
        store.rename(
                r.name() != null ? r.name().trim() : store.name(),
                r.timeZone() != null ? r.timeZone().trim() : store.timeZone());
        StoreDetails now = store.details();
        store.details(new StoreDetails(
                pick(r.description(), now.description()),
                pick(r.address(), now.address()),
                pick(r.city(), now.city()),
                pick(r.region(), now.region()),
                pick(r.phone(), now.phone()),
                pick(r.email(), now.email()),
                pick(r.legalName(), now.legalName()),
                pick(r.taxId(), now.taxId())));
        stores.saveAndFlush(store);
        outbox.publish(
                store.tenantKey(),
                new StoreUpdated(
                        store.id(),
                        store.tenantKey(),
                        store.name(),
                        store.details().address(),
                        store.details().phone(),
                        store.details().legalName(),
                        store.details().taxId(),
                        store.timeZone(),
                        store.kind()));
        return store;
    }

    /** Closes a store: deactivated, never erased, and announced ({@code StoreDeactivated}) so its tokens stop working. */
    @Transactional
    public void deactivate(long id, Caller caller) {
        Store store = owned(id, caller);
        store.deactivate();
        stores.saveAndFlush(store);
        Instant at = Instant.now();
        access.announce(store.tenantKey(), null, at, new StoreDeactivated(store.id(), store.tenantKey(), at));
    }

    /** A store the caller owns and still works in; anything else looks like a missing store. */
    private Store owned(long id, Caller caller) {
        Store store = sessions.memberships(caller.userId()).stream()
                .map(Membership::store)
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(() -> PlatformErrors.NOT_FOUND.exception());
        if (!store.ownerId().equals(caller.userId())) {
            throw PlatformErrors.PERMISSION_DENIED.exception();
        }
        return store;
    }

    private static String pick(String given, String current) {
        return given != null ? given : current;
    }
}
