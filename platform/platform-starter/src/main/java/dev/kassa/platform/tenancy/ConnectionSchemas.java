package dev.kassa.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The schema each physical connection of the pool is switched to, so that handing a connection to the next
 * transaction costs a {@code SET search_path} round trip only when the schema changes: the tills of one store reuse
 * pooled connections already on its schema. Switching also bypasses the pool's own {@code setSchema}, which asks the
 * server for {@code current_schema()} after every switch.
 * <p>
 * The record must stay true: whoever changes a connection's {@code search_path} any other way (Flyway during a
 * tenant's migration) calls {@link #reset} afterwards. A connection not seen yet, or whose switch failed, counts as
 * unknown and is always switched.
 */
final class ConnectionSchemas {

    private static final Map<Connection, String> CURRENT = Collections.synchronizedMap(new WeakHashMap<>());

    private ConnectionSchemas() {}

    /** Switches the pooled connection to the schema unless its physical connection is already on it. */
    static void switchTo(Connection pooled, String schema) throws SQLException {
        Connection physical = physical(pooled);
        if (schema.equals(CURRENT.get(physical))) {
            return;
        }
        CURRENT.remove(physical);
        physical.setSchema(schema);
        CURRENT.put(physical, schema);
    }

    /**
     * The pooled connection switched to the schema (a store's schema checked against the strict pattern first), or closed
     * and the failure thrown: a connection is handed out on the right schema or not at all.
     */
    static Connection switched(Connection pooled, String schema) throws SQLException {
        try {
            if (!SchemaPerTenantConnectionProvider.SERVICE_SCHEMA.equals(schema)) {
                TenantKeys.quotedSchema(schema);
            }
            switchTo(pooled, schema);
            return pooled;
        } catch (SQLException | RuntimeException e) {
            pooled.close();
            throw e;
        }
    }

    /** Switches the connection to the schema whatever it is recorded on: after something else changed its search_path. */
    static void reset(Connection pooled, String schema) throws SQLException {
        CURRENT.remove(physical(pooled));
        switchTo(pooled, schema);
    }

    private static Connection physical(Connection pooled) throws SQLException {
        return pooled.isWrapperFor(Connection.class) ? pooled.unwrap(Connection.class) : pooled;
    }
}
