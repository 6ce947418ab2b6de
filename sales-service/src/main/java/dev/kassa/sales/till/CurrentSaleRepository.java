package dev.kassa.sales.till;

import dev.kassa.platform.tenancy.TenantSchemaDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * A till's current sale read as its screen asks for it between scans (issue 66), without a transaction of its own: its
 * draft in an open shift, then the draft's lines (or, when there is no draft, whether the shift is open): two statements.
 */
@Repository
class CurrentSaleRepository {

    private final JdbcClient sql;

    CurrentSaleRepository(DataSource dataSource) {
        this.sql = TenantSchemaDataSource.reads(dataSource);
    }

    /** The cashier's draft in the shift, while the shift is open. */
    Optional<SaleRepository.Sale> draft(long sessionId, long cashierUserId) {
        return sql.sql(SaleRepository.SELECT_SALE
                        + " where s.session_id = :session and s.cashier_user_id = :cashier and s.status = 'pending'"
                        + " and se.status = 'open'")
                .param("session", sessionId)
                .param("cashier", cashierUserId)
                .query(SaleRepository.SALE)
                .optional();
    }

    /** The sale's lines, in the order they were added. */
    List<SaleLineRepository.Item> items(long saleId) {
        return sql.sql(SaleLineRepository.ITEMS_OF_SALE)
                .param("sale", saleId)
                .query(SaleLineRepository.ITEM)
                .list();
    }

    /** Whether the shift is open. */
    boolean open(long sessionId) {
        return sql.sql("select exists (select 1 from sessions where id = :session and status = 'open')")
                .param("session", sessionId)
                .query(Boolean.class)
                .single();
    }
}
