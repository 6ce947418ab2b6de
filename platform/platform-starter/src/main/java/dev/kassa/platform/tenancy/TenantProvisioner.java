package dev.kassa.platform.tenancy;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates a store's schema and runs this service's tenant migrations ({@code classpath:db/tenant},
 * one Flyway run per schema) under a PostgreSQL advisory lock, so concurrent requests, the
 * {@code StoreCreated} consumer and other instances never migrate the same schema twice.
 * A request to a schema that is behind migrates it first; nothing is done per tenant at start-up.
 */
public class TenantProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TenantProvisioner.class);
    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.*\\.sql$");

    private final DataSource dataSource;
    private final TenantRegistry registry;
    private final ZoneId defaultZone;
    private final int latestVersion;
    private final String[] locations;
    /** How long a store's registry entry is trusted before it is read again: another instance may have changed its zone. */
    private static final long REREAD_NANOS = TimeUnit.SECONDS.toNanos(60);

    private record Cached(Tenant tenant, long loadedAt) {}

    private final Map<String, Cached> ready = new ConcurrentHashMap<>();

    public TenantProvisioner(
            DataSource dataSource, TenantRegistry registry, TenancyProperties properties, List<String> locations) {
        this.dataSource = dataSource;
        this.locations = locations.toArray(String[]::new);
        this.registry = registry;
        this.defaultZone = ZoneId.of(properties.defaultTimeZone());
        this.latestVersion = scanLatestVersion();
    }

    public int latestVersion() {
        return latestVersion;
    }

    /** The tenant, with its schema migrated to the latest version (provisioned on demand if new). */
    public Tenant ensureReady(String tenantKey) {
        Cached cached = ready.get(tenantKey);
        if (cached != null && System.nanoTime() - cached.loadedAt() < REREAD_NANOS) {
            return cached.tenant();
        }
        return registry.find(tenantKey)
                .filter(e -> e.schemaVersion() >= latestVersion)
                .map(e -> remember(new Tenant(tenantKey, e.schema(), zone(e.timeZone()))))
                .orElseGet(() -> provision(tenantKey, null));
    }

    /** Provisions (or brings up to date) the tenant; {@code timeZone} null keeps the known or default zone. */
    public Tenant provision(String tenantKey, String timeZone) {
        return provision(tenantKey, timeZone, false);
    }

    /**
     * The warm-up store ({@link TenantKeys#WARM_UP_KEY}: platform's warm-up takes the hot paths there), provisioned or
     * brought up to date as a store is and recorded as no shop's under the same lock; empty when a store of this
     * service already has its schema (one opened before the schema was reserved): then no warm-up store is touched.
     */
    public Optional<Tenant> warmUpStore() {
        Cached cached = ready.get(TenantKeys.WARM_UP_KEY);
        if (cached != null && System.nanoTime() - cached.loadedAt() < REREAD_NANOS) {
            return Optional.of(cached.tenant());
        }
        return Optional.ofNullable(provision(TenantKeys.WARM_UP_KEY, null, true));
    }

    private Tenant provision(String tenantKey, String timeZone, boolean warmUp) {
        String schema = TenantKeys.schemaOf(tenantKey);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            advisory(c, "select pg_advisory_lock(hashtextextended(?, 0))", tenantKey);
            // everything under the lock runs on its connection: with a second one from the pool, as many first requests
            // for a new store as the pool has connections each held one (waiting for the lock) while the lock's holder
            // waited for the pool, until the pool's timeout failed them all
            TenantRegistry locked = registry.on(c);
            try {
                var entry = locked.find(tenantKey);
                if (warmUp
                        && locked.ownerOfSchema(schema)
                                .filter(owner -> !owner.equals(tenantKey))
                                .isPresent()) {
                    log.error("The warm-up store's schema {} belongs to a store: no warm-up store", schema);
                    return null;
                }
                String zone = timeZone != null
                        ? zone(timeZone).getId()
                        : entry.map(TenantRegistry.Entry::timeZone).orElse(defaultZone.getId());
                if (entry.isEmpty() || entry.get().schemaVersion() < latestVersion) {
                    long started = System.nanoTime();
                    migrate(c, schema);
                    log.info(
                            "Tenant {} migrated to version {} in schema {} ({} ms)",
                            tenantKey,
                            latestVersion,
                            schema,
                            (System.nanoTime() - started) / 1_000_000);
                }
                if (warmUp) {
                    locked.upsertWarmUp(tenantKey, schema, zone, latestVersion);
                } else {
                    locked.upsert(tenantKey, schema, zone, latestVersion);
                }
                return remember(new Tenant(tenantKey, schema, ZoneId.of(zone)));
            } finally {
                advisory(c, "select pg_advisory_unlock(hashtextextended(?, 0))", tenantKey);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Provisioning of tenant " + tenantKey + " failed", e);
        }
    }

    /** Migrates on the connection that holds the advisory lock, so provisioning needs one pooled connection only. */
    private void migrate(Connection locked, String schema) throws SQLException {
        TenantKeys.quotedSchema(schema);
        try {
            Flyway.configure()
                    .dataSource(new SingleConnectionDataSource(locked, true))
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    // a new store's migrations commit once, not once each
                    .group(true)
                    .locations(locations)
                    .load()
                    .migrate();
        } finally {
            locked.setAutoCommit(true);
            // Flyway moved the connection's search_path behind the record's back
            ConnectionSchemas.reset(locked, SchemaPerTenantConnectionProvider.SERVICE_SCHEMA);
        }
    }

    private Tenant remember(Tenant tenant) {
        ready.put(tenant.key(), new Cached(tenant, System.nanoTime()));
        return tenant;
    }

    private ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }

    private static void advisory(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.execute();
        }
    }

    private static int scanLatestVersion() {
        try {
            int max = 0;
            for (Resource r :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:db/tenant/V*__*.sql")) {
                Matcher m = VERSION.matcher(String.valueOf(r.getFilename()));
                if (m.matches()) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
            return max;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
