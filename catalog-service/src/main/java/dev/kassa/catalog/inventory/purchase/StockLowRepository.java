package dev.kassa.catalog.inventory.purchase;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every statement on {@code stock_low_alerts}: the products announced as under their reorder point, until back above. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class StockLowRepository {

    private final JdbcClient sql;

    StockLowRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Which of the products are announced already. */
    Set<Long> alerted(Collection<Long> products) {
        return new HashSet<>(
                sql.sql("select product_id from stock_low_alerts where product_id = any(cast(:ids as bigint[]))")
                        .param("ids", SqlArrays.texts(products))
                        .query(Long.class)
                        .list());
    }

    /** Marks the products announced; answers those this call marked (another instance may have just marked the rest). */
    Set<Long> raise(List<Long> products, List<BigDecimal> reorderPoints) {
        return new HashSet<>(sql.sql(
                        """
                        insert into stock_low_alerts (product_id, reorder_point)
                        select p, r from unnest(cast(:ids as bigint[]), cast(:points as numeric[])) as a(p, r)
                        on conflict do nothing returning product_id
                        """)
                .param("ids", SqlArrays.texts(products))
                .param("points", SqlArrays.texts(reorderPoints))
                .query(Long.class)
                .list());
    }

    /** The products back above their reorder point: their next fall is announced again. */
    void rearm(Collection<Long> products) {
        sql.sql("delete from stock_low_alerts where product_id = any(cast(:ids as bigint[]))")
                .param("ids", SqlArrays.texts(products))
                .update();
    }
}
