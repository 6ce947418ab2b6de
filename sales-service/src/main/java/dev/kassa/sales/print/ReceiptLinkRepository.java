package dev.kassa.sales.print;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/** The digital receipts' links ({@code public.receipt_links}), in the caller's transaction (a store's: the table is named with its schema) or each statement in its own. */
@Repository
class ReceiptLinkRepository {

    /** A link as stored: whose sale it shows, and when it was withdrawn (null while it works). */
    record Link(String token, String tenantKey, long saleId, Instant createdAt, Instant withdrawnAt) {}

    private final JdbcClient sql;

    ReceiptLinkRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The sale's working link, if it has one. */
    Optional<Link> live(String tenantKey, long saleId) {
        return sql.sql(
                        """
                        select token, tenant_key, sale_id, created_at, withdrawn_at from public.receipt_links
                        where tenant_key = :tenant and sale_id = :sale and withdrawn_at is null
                        """)
                .param("tenant", tenantKey)
                .param("sale", saleId)
                .query(Link.class)
                .optional();
    }

    /**
     * Keeps {@code token} as the sale's link unless it has a working one already (another instance's, made at the same
     * moment): either way the sale's one working link is answered.
     */
    Link create(String tenantKey, long saleId, String token) {
        sql.sql(
                        """
                        insert into public.receipt_links (token, tenant_key, sale_id) values (:token, :tenant, :sale)
                        on conflict (tenant_key, sale_id) where withdrawn_at is null do nothing
                        """)
                .param("token", token)
                .param("tenant", tenantKey)
                .param("sale", saleId)
                .update();
        return live(tenantKey, saleId).orElseThrow();
    }

    Optional<Link> find(String token) {
        return sql.sql(
                        "select token, tenant_key, sale_id, created_at, withdrawn_at from public.receipt_links where token = :token")
                .param("token", token)
                .query(Link.class)
                .optional();
    }

    /** Withdraws the sale's working link; false when it had none. */
    boolean withdraw(String tenantKey, long saleId, long by) {
        return sql.sql(
                                """
                                update public.receipt_links set withdrawn_at = now(), withdrawn_by = :by
                                where tenant_key = :tenant and sale_id = :sale and withdrawn_at is null
                                """)
                        .param("by", by)
                        .param("tenant", tenantKey)
                        .param("sale", saleId)
                        .update()
                > 0;
    }
}
