package dev.kassa.infra.bench;

import dev.kassa.infra.Suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.kassa.infra.bench.BenchContext.PORT_BASE;

/** (g) Start-up of a service with 10,000 stores in its registry against 10: catalog's, on databases of its own. */
final class ManyTenantsStartUp {

    private final Suite suite;
    private final Results results;

    ManyTenantsStartUp(BenchContext context) {
        this.suite = context.suite();
        this.results = context.results();
    }

    void run() throws Exception {
        System.out.println("(g) catalog's start-up with 10 and with 10,000 stores in its registry …");
        // each measured twice, alternately, and the quicker start
        // kept: the first start on a busy machine is the noisiest
        double few =
                suite.startExtraInstance("catalog-service", PORT_BASE + 10, "kassa_bench_few", db -> tenants(db, 10));
        double many = suite.startExtraInstance(
                "catalog-service", PORT_BASE + 11, "kassa_bench_many", db -> tenants(db, 10_000));
        few = Math.min(
                few,
                suite.startExtraInstance("catalog-service", PORT_BASE + 10, "kassa_bench_few", db -> tenants(db, 10)));
        many = Math.min(
                many,
                suite.startExtraInstance(
                        "catalog-service", PORT_BASE + 11, "kassa_bench_many", db -> tenants(db, 10_000)));
        results.row(
                "(g) catalog start-up, 10,000 stores vs 10 (within ±20 %)",
                String.format("%.1f s vs %.1f s = %+.0f %%", many, few, 100 * (many - few) / few),
                Math.abs(many - few) <= 0.2 * few);
    }

    /**
     * Registers {@code n} up-to-date stores in a fresh service database, as 10,000 provisioned stores look to a starting
     * service: one registry row and one schema each (the schemas are empty: start-up must not look inside them).
     */
    private static void tenants(String jdbcUrl, int n) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute(
                    """
                    create table if not exists kassa_tenant (tenant_key varchar(80) primary key, schema_name varchar(63) not null unique,
                        time_zone varchar(64) not null, schema_version integer not null, status varchar(20) not null default 'active',
                        created_at timestamptz not null default now(), updated_at timestamptz not null default now())
                    """);
            s.execute(
                    """
                    do $$ begin for i in 1..%d loop
                        execute format('create schema if not exists %%I', 'tenant_bench_' || i);
                        insert into kassa_tenant (tenant_key, schema_name, time_zone, schema_version)
                        values ('bench_' || i || '_' || lpad(to_hex(i), 8, '0'), 'tenant_bench_' || i, 'Asia/Tashkent', 2147483647)
                        on conflict do nothing;
                    end loop; end $$
                    """
                            .formatted(n));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
