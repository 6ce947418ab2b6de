package dev.kassa.platform.tenancy;

import java.util.List;

/**
 * Flyway locations a platform module adds to every store's schema (beside the service's own {@code db/tenant}): a module
 * that keeps tables per store contributes a bean of this, so tenancy needs to know no module above it.
 */
@FunctionalInterface
public interface TenantMigrationLocations {

    List<String> locations();
}
