package dev.kassa.sales.order;

import dev.kassa.sales.floor.TableOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The orders ({@code orders}) as the floor reads them: whether a table has any; inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class TableOrdersRepository implements TableOrders {

    private final JdbcClient sql;

    TableOrdersRepository(JdbcClient sql) {
        this.sql = sql;
    }

    @Override
    public boolean anyAt(long tableId) {
        return sql.sql("select exists (select 1 from orders where table_id = :id)")
                .param("id", tableId)
                .query(Boolean.class)
                .single();
    }
}
