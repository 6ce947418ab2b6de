package dev.kassa.platform.tenancy;

import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands Hibernate a pooled connection switched to the tenant's schema (the tenant identifier is the schema name). A
 * connection goes back to the pool still on that schema: the next transaction of the same store needs no switch, and
 * everything else takes its connections through {@link ServiceSchemaDataSource}, which puts them on {@code public}
 * first, so no store's schema ever leaks into another request ({@link ConnectionSchemas} records where each is).
 * <p>
 * This is why every repository's JDBC runs inside a transaction: the transaction manager binds this switched connection
 * to the thread, and {@code JdbcClient}/{@code JdbcTemplate} inside the transaction use it. Outside a transaction they
 * take a pooled connection on {@code public}, where no store's tables are.
 */
public class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    static final String SERVICE_SCHEMA = "public";

    private final transient DataSource dataSource;

    public SchemaPerTenantConnectionProvider(DataSource dataSource) {
        this.dataSource = ServiceSchemaDataSource.pool(dataSource);
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return getConnection(SERVICE_SCHEMA);
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String schema) throws SQLException {
        return ConnectionSchemas.switched(dataSource.getConnection(), schema);
    }

    @Override
    public void releaseConnection(String schema, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        throw new UnsupportedOperationException();
    }
}
