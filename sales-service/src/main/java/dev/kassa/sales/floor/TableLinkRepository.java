package dev.kassa.sales.floor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/** The tables' public menu links ({@code public.table_links}), in the caller's transaction when there is one. */
@Repository
class TableLinkRepository {

    /** A link as stored: whose table it opens, and when it was withdrawn (null while it works). */
    record Link(String token, String tenantKey, long tableId, Instant createdAt, Instant withdrawnAt) {}

    private final JdbcClient sql;

    TableLinkRepository(JdbcClient sql) {
        this.sql = sql;
    }

    void create(String tenantKey, long tableId, String token) {
        sql.sql("insert into public.table_links (token, tenant_key, table_id) values (:token, :tenant, :table)")
                .param("token", token)
                .param("tenant", tenantKey)
                .param("table", tableId)
                .update();
    }

    Optional<Link> find(String token) {
        return sql.sql(
                        "select token, tenant_key, table_id, created_at, withdrawn_at from public.table_links where token = :token")
                .param("token", token)
                .query(Link.class)
                .optional();
    }

    /** Withdraws the table's working link (its QR code stops working); false when it had none. */
    boolean withdraw(String tenantKey, long tableId) {
        return sql.sql(
                                """
                                update public.table_links set withdrawn_at = now()
                                 where tenant_key = :tenant and table_id = :table and withdrawn_at is null
                                """)
                        .param("tenant", tenantKey)
                        .param("table", tableId)
                        .update()
                > 0;
    }
}
