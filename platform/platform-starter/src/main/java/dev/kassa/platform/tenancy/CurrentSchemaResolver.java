package dev.kassa.platform.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** Hibernate's tenant identifier: the current store's schema, or {@code public} outside a store. */
public class CurrentSchemaResolver implements CurrentTenantIdentifierResolver<String> {

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(Tenant::schema).orElse(SchemaPerTenantConnectionProvider.SERVICE_SCHEMA);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
