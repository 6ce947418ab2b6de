package dev.kassa.platform.tenancy;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the transactions of a service without JPA take their connections: a pooled connection switched to the current
 * store's schema ({@code public} outside a store), as {@link SchemaPerTenantConnectionProvider} does for Hibernate. A
 * connection goes back to the pool still on that schema, so a store's next transaction on it needs no switch.
 * <p>
 * It stands for the pool itself ({@link InfrastructureProxy}), as {@link ServiceSchemaDataSource} does: the transaction
 * manager binds its connection under the pool, and {@code JdbcTemplate}/{@code JdbcClient}, which hold the service's
 * data source, find that connection inside the transaction.
 */
public class TenantSchemaDataSource extends DelegatingDataSource implements InfrastructureProxy {

    public TenantSchemaDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ConnectionSchemas.switched(
                super.getConnection(),
                TenantContext.current().map(Tenant::schema).orElse(SchemaPerTenantConnectionProvider.SERVICE_SCHEMA));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("A store's connections come from the service's pool, not from other credentials");
    }

    /**
     * A client for a store's reads that need no transaction of their own (a product's page in one statement): outside a
     * transaction its statement runs alone on a connection of the current store's schema, inside one it joins it (its
     * connection is found under the pool).
     */
    public static JdbcClient reads(DataSource dataSource) {
        return JdbcClient.create(new TenantSchemaDataSource(ServiceSchemaDataSource.pool(dataSource)));
    }

    @Override
    public Object getWrappedObject() {
        return obtainTargetDataSource();
    }
}
