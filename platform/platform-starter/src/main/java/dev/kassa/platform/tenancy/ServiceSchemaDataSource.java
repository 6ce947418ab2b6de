package dev.kassa.platform.tenancy;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The service's data source as every component but Hibernate's tenant connections sees it: each connection it hands
 * out is on the service's own schema ({@code public}), whatever store's schema the pooled connection served last.
 * Tenant transactions take theirs from {@link SchemaPerTenantConnectionProvider}, which switches the pool's
 * connections directly (or, in a service without JPA, from {@link TenantSchemaDataSource}), so one store's busy tills
 * pay no schema switch at all. It stands for the pool ({@link InfrastructureProxy}): a transaction's connection, bound
 * under the pool, is the one {@code JdbcTemplate} uses inside it.
 */
public class ServiceSchemaDataSource extends DelegatingDataSource implements InfrastructureProxy {

    public ServiceSchemaDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return onServiceSchema(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return onServiceSchema(super.getConnection(username, password));
    }

    @Override
    public Object getWrappedObject() {
        return obtainTargetDataSource();
    }

    /** The pool behind the wrapper, where tenant connections come from. */
    public static DataSource pool(DataSource dataSource) {
        return dataSource instanceof ServiceSchemaDataSource wrapper ? wrapper.obtainTargetDataSource() : dataSource;
    }

    /**
     * A template on the pool as it is, for statements that name their tables' schema ({@code public.kassa_outbox}): its
     * connection stays on the store's schema it served last, so neither the statement nor that store's next transaction
     * on the connection pays a {@code SET search_path} round trip (the outbox relay switched a connection to
     * {@code public} and the next till transaction switched it back, about once a sale in sales and in catalog).
     */
    public static JdbcTemplate schemaQualified(DataSource dataSource) {
        return new JdbcTemplate(pool(dataSource));
    }

    private static Connection onServiceSchema(Connection connection) throws SQLException {
        return ConnectionSchemas.switched(connection, SchemaPerTenantConnectionProvider.SERVICE_SCHEMA);
    }
}
