package dev.kassa.platform.tenancy;

import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands Hibernate a pooled connection switched to the tenant's schema with {@link Connection#setSchema}
 * and switches it back to {@code public} on release, so a pooled connection never carries one store's
 * schema into another request. The tenant identifier is the schema name.
 * <p>
 * This is why every repository's JDBC runs inside a transaction: the transaction manager binds this switched connection
 * to the thread, and {@code JdbcClient}/{@code JdbcTemplate} inside the transaction use it. Outside a transaction they
 * take a pooled connection on {@code public}, where no store's tables are.
 */
public class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    static final String SERVICE_SCHEMA = "public";

    private final transient DataSource dataSource;

    public SchemaPerTenantConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String schema) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setSchema(SERVICE_SCHEMA.equals(schema) ? SERVICE_SCHEMA : checked(schema));
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void releaseConnection(String schema, Connection connection) throws SQLException {
        try {
            connection.setSchema(SERVICE_SCHEMA);
        } finally {
            connection.close();
        }
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

    private static String checked(String schema) {
        TenantKeys.quotedSchema(schema);
        return schema;
    }
}
