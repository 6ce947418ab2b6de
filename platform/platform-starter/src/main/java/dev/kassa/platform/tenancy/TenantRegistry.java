package dev.kassa.platform.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** The service-wide table of the stores this service has provisioned ({@code public.kassa_tenant}). */
public class TenantRegistry {

    public record Entry(String tenantKey, String schema, String timeZone, int schemaVersion, String status) {}

    /** What receipts and documents print about the store. */
    /** The kinds of store (auth's StoreCreated): a shop sells; a warehouse keeps stock only. */
    public static final String SHOP = "shop";

    public static final String WAREHOUSE = "warehouse";

    public record Profile(String name, String address, String phone, String legalName, String taxId) {}

    /** The store's id in auth (null until its store event has been read) and its name, as a view shows the store. */
    public record Identity(Long storeId, String name) {}

    private final JdbcTemplate jdbc;

    public TenantRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** This registry on one connection (the one holding a store's provisioning lock), so it asks the pool for no other. */
    TenantRegistry on(Connection connection) {
        return new TenantRegistry(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
    }

    public Optional<Entry> find(String tenantKey) {
        return jdbc
                .query(
                        "select tenant_key, schema_name, time_zone, schema_version, status from public.kassa_tenant where tenant_key = ?",
                        (rs, i) -> new Entry(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)),
                        tenantKey)
                .stream()
                .findFirst();
    }

    public void upsert(String tenantKey, String schema, String timeZone, int version) {
        jdbc.update(
                """
                insert into public.kassa_tenant (tenant_key, schema_name, time_zone, schema_version)
                values (?, ?, ?, ?)
                on conflict (tenant_key) do update
                   set time_zone = excluded.time_zone, schema_version = excluded.schema_version, updated_at = now()
                """,
                tenantKey,
                schema,
                timeZone,
                version);
    }

    /**
     * Records the warm-up store (platform's warm-up) as no shop's ({@code status = 'warm-up'}) in the same statement that
     * records its version: the sweeps and migrations that go through every active store never see it active.
     */
    public void upsertWarmUp(String tenantKey, String schema, String timeZone, int version) {
        jdbc.update(
                """
                insert into public.kassa_tenant (tenant_key, schema_name, time_zone, schema_version, status)
                values (?, ?, ?, ?, 'warm-up')
                on conflict (tenant_key) do update
                   set schema_version = excluded.schema_version, status = 'warm-up', updated_at = now()
                """,
                tenantKey,
                schema,
                timeZone,
                version);
    }

    /** The store whose schema this is, if any. */
    public Optional<String> ownerOfSchema(String schema) {
        return jdbc
                .queryForList("select tenant_key from public.kassa_tenant where schema_name = ?", String.class, schema)
                .stream()
                .findFirst();
    }

    public Optional<Profile> profile(String tenantKey) {
        return jdbc
                .query(
                        "select store_name, address, phone, legal_name, tax_id from public.kassa_tenant where tenant_key = ?",
                        (rs, i) -> new Profile(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        tenantKey)
                .stream()
                .findFirst();
    }

    /** The store's id and name in one read. */
    public Optional<Identity> identity(String tenantKey) {
        return jdbc
                .query(
                        "select store_id, store_name from public.kassa_tenant where tenant_key = ?",
                        (rs, i) -> new Identity((Long) rs.getObject(1), rs.getString(2)),
                        tenantKey)
                .stream()
                .findFirst();
    }

    public void updateProfile(String tenantKey, Profile p) {
        jdbc.update(
                """
                update public.kassa_tenant set store_name = ?, address = ?, phone = ?, legal_name = ?, tax_id = ?, updated_at = now()
                 where tenant_key = ?
                """,
                nz(p.name()),
                nz(p.address()),
                nz(p.phone()),
                nz(p.legalName()),
                nz(p.taxId()),
                tenantKey);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** Records the store's kind (from its store events): {@link #WAREHOUSE}, or a shop. */
    public void updateKind(String tenantKey, String kind) {
        jdbc.update(
                "update public.kassa_tenant set store_kind = ? where tenant_key = ?",
                WAREHOUSE.equals(kind) ? WAREHOUSE : SHOP,
                tenantKey);
    }

    /** Whether the store is a warehouse (no tills, no shifts), as its store events said; a store not yet heard of is not. */
    public boolean isWarehouse(String tenantKey) {
        return !jdbc.queryForList(
                        "select 1 from public.kassa_tenant where tenant_key = ? and store_kind = ?",
                        Integer.class,
                        tenantKey,
                        WAREHOUSE)
                .isEmpty();
    }

    /** Records the store's id in auth (from its store events). */
    public void updateStoreId(String tenantKey, long storeId) {
        jdbc.update("update public.kassa_tenant set store_id = ? where tenant_key = ?", storeId, tenantKey);
    }

    /** The store's id in auth, once its store event has been read. */
    public Optional<Long> storeId(String tenantKey) {
        return jdbc
                .query(
                        "select store_id from public.kassa_tenant where tenant_key = ? and store_id is not null",
                        (rs, i) -> rs.getLong(1),
                        tenantKey)
                .stream()
                .findFirst();
    }

    /** Keys of the active stores this service has provisioned, for per-store background work. */
    public List<String> activeKeys() {
        return jdbc.queryForList(
                "select tenant_key from public.kassa_tenant where status = 'active' order by tenant_key", String.class);
    }

    public List<String> outdated(int latestVersion, int limit) {
        return jdbc.queryForList(
                "select tenant_key from public.kassa_tenant where schema_version < ? and status = 'active' order by tenant_key limit ?",
                String.class,
                latestVersion,
                limit);
    }
}
