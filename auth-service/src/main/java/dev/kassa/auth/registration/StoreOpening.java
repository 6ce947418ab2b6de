package dev.kassa.auth.registration;

import dev.kassa.auth.account.Employee;
import dev.kassa.auth.account.EmployeeRepository;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreDetails;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.auth.account.User;
import dev.kassa.auth.employee.EmployeeAnnouncements;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.TenantKeys;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import static dev.kassa.platform.error.FieldErrors.blank;

/**
 * Opens a store for an owner, shared by registration and "create another store": the slug (given, or
 * transliterated from the name and made unique with {@code _1}, {@code _2}), the tenant key, the owner's
 * employee record and {@code StoreCreated} in the outbox, inside the caller's transaction.
 */
@Component
public class StoreOpening {

    static final String DEFAULT_TIME_ZONE = "Asia/Tashkent";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a new store is made of; field names are those of the request that carried them. */
    public record Details(String name, String slug, StoreDetails about, String timeZone, String kind) {}

    /**
     * The request's names of the fields the opening checks itself, which differ between registration ({@code store_*}) and
     * store creation; the others are the request's declared rules.
     */
    public record Fields(String slug, String timeZone) {
        static final Fields REGISTRATION = new Fields("store_slug", "store_time_zone");
        public static final Fields STORE = new Fields("slug", "time_zone");
    }

    public record Opened(Store store, Employee owner) {}

    private final StoreRepository stores;
    private final EmployeeRepository employees;
    private final OutboxPublisher outbox;
    private final EmployeeAnnouncements announcements;

    StoreOpening(
            StoreRepository stores,
            EmployeeRepository employees,
            OutboxPublisher outbox,
            EmployeeAnnouncements announcements) {
        this.announcements = announcements;
        this.stores = stores;
        this.employees = employees;
        this.outbox = outbox;
    }

    /**
     * Validates what the request does not declare into {@code errors}: the time zone, and the slug's form and that it is
     * free. Returns the slug to use when there are no errors (given, or made from the name).
     */
    public String validate(Details d, Fields f, FieldErrors errors) {
        if (!blank(d.timeZone())) {
            try {
                ZoneId.of(d.timeZone().trim());
            } catch (DateTimeException e) {
                errors.add(f.timeZone(), "auth.time_zone_invalid");
            }
        }
        String slug = null;
        if (!blank(d.slug())) {
            slug = d.slug().trim().toLowerCase(Locale.ROOT);
            if (!TenantKeys.isValidSlug(slug)) {
                errors.add(f.slug(), "auth.slug_invalid");
            } else if (TenantKeys.isReservedSchema(TenantKeys.schemaForSlug(slug))
                    || stores.existsBySchemaName(TenantKeys.schemaForSlug(slug))) {
                errors.add(f.slug(), "auth.slug_taken");
            }
        }
        return slug != null || blank(d.name()) ? slug : uniqueSlug(Slugs.fromName(d.name()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Opened open(User owner, String slug, Details d, String ownerPhone) {
        return open(owner, slug, d, ownerPhone, null);
    }

    /**
     * As {@link #open(User, String, Details, String)}, the new store starting with a copy of the catalogue of
     * {@code copyCatalogueFrom} (another store of the owner's, checked by the caller; null: none).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Opened open(User owner, String slug, Details d, String ownerPhone, String copyCatalogueFrom) {
        String timeZone = blank(d.timeZone()) ? DEFAULT_TIME_ZONE : d.timeZone().trim();
        String tenantKey = slug + "_" + HexFormat.of().formatHex(randomBytes(4));
        Store store = stores.saveAndFlush(
                new Store(d.name().trim(), slug, TenantKeys.schemaForSlug(slug), tenantKey, timeZone, owner.id())
                        .details(d.about())
                        .kind(blank(d.kind()) ? "shop" : d.kind()));
        Employee employee = employees.saveAndFlush(new Employee(
                store.id(), owner.id(), Role.OWNER, owner.firstName(), owner.lastName(), trim(ownerPhone)));
        outbox.publish(
                tenantKey,
                new StoreCreated(
                        store.id(),
                        tenantKey,
                        slug,
                        store.schemaName(),
                        store.name(),
                        timeZone,
                        owner.id(),
                        store.details().address(),
                        store.details().phone(),
                        store.details().legalName(),
                        store.details().taxId(),
                        store.kind(),
                        copyCatalogueFrom));
        announcements.created(tenantKey, employee);
        return new Opened(store, employee);
    }

    /**
     * The name's slug, or with the first free suffix {@code _1}, {@code _2}, …: the taken variants are read in one query
     * (the thousandth shop called "Магазин" asked a thousand questions when each candidate was checked on its own).
     */
    private String uniqueSlug(String base) {
        String schema = TenantKeys.schemaForSlug(base);
        Set<String> taken = new HashSet<>(stores.schemaNamesLike(schema, LikePatterns.startsWith(schema + "_")));
        String candidate = base;
        for (int i = 1;
                taken.contains(TenantKeys.schemaForSlug(candidate))
                        || TenantKeys.isReservedSchema(TenantKeys.schemaForSlug(candidate));
                i++) {
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
