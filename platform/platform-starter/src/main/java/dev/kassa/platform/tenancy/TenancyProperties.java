package dev.kassa.platform.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param schemaPerTenant  whether this service keeps each store in its own schema (auth-service does not)
 * @param defaultTimeZone  the time zone of a store until its {@code StoreCreated} event says otherwise
 * @param migrationThreads how many outdated tenant schemas are migrated at once in the background
 * @param tenantPaths      paths that need {@code X-Tenant-Key}
 * @param tenantlessPaths  exceptions to {@code tenantPaths}
 * @param migrationLocations where each store's schema migrations are ({@code db/tenant}; the platform adds its file
 *                         store's table when {@code kassa.files.enabled})
 * @param directorySource    where the employee directory reads through for someone it does not know as active yet
 *                           (auth-service; empty: never)
 */
@ConfigurationProperties("kassa.tenancy")
public record TenancyProperties(
        @DefaultValue("true") boolean schemaPerTenant,
        @DefaultValue("Asia/Tashkent") String defaultTimeZone,
        @DefaultValue("2") int migrationThreads,
        @DefaultValue({"/api/**", "/internal/**"}) List<String> tenantPaths,
        @DefaultValue({}) List<String> tenantlessPaths,
        @DefaultValue({"classpath:db/tenant"}) List<String> migrationLocations,
        @DefaultValue("lb://auth-service") String directorySource) {}
