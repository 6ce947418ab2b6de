package dev.kassa.infra.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reading the services' databases in a measuring run: a store's schema by its tenant key, and one-number queries. */
final class Sql {

    private Sql() {}

    /** The quoted schema of a store in a service's database, from its tenant registry. */
    static String schemaOf(Connection c, String tenantKey) throws SQLException {
        try (var ps = c.prepareStatement("select schema_name from public.kassa_tenant where tenant_key = ?")) {
            ps.setString(1, tenantKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no schema for " + tenantKey);
                }
                return "\"" + rs.getString(1) + "\"";
            }
        }
    }

    /** The first column of the first row of a query, as a number. */
    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
