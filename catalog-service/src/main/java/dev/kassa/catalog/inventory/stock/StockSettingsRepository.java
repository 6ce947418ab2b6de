package dev.kassa.catalog.inventory.stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The store's stock settings (its one {@code stock_settings} row). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class StockSettingsRepository {

    private final JdbcClient sql;

    StockSettingsRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Whether goods received wait in {@code pending} until someone approves their batch. */
    boolean newBatchesPending() {
        return sql.sql("select new_batches_pending from stock_settings")
                .query(Boolean.class)
                .single();
    }

    void update(boolean newBatchesPending) {
        sql.sql("update stock_settings set new_batches_pending = :pending, updated_at = now()")
                .param("pending", newBatchesPending)
                .update();
    }
}
