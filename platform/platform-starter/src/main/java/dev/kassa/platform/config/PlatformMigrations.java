package dev.kassa.platform.config;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * Migrates the service-wide schema ({@code public}) at start-up: first the platform's own tables
 * (tenant registry, outbox, inbox: {@code db/platform}), then the service's service-wide tables
 * ({@code db/migration}, if it has any). Tenant schemas are migrated by the tenant provisioner.
 */
public class PlatformMigrations implements InitializingBean {

    private final DataSource dataSource;

    public PlatformMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        migrate("classpath:db/platform", "kassa_platform_history");
        if (new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql").length > 0) {
            migrate("classpath:db/migration", "flyway_schema_history");
        }
    }

    private void migrate(String location, String table) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("public")
                .defaultSchema("public")
                .locations(location)
                .table(table)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
