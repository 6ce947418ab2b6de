package dev.kassa.sales.order;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What happened to the store's orders beside their lines ({@code order_history}), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class OrderHistoryRepository {

    /** A waiter took the order over from a colleague (or from the guests who opened it: {@code fromUserId} 0). */
    static final String TAKEN_OVER = "taken_over";

    /** What happened, who did it and, for a take-over, whom the order was taken from. */
    record Entry(
            long orderId,
            String action,
            long byUserId,
            String byName,
            Long fromUserId,
            String fromName,
            Instant happenedAt) {}

    private static final String SELECT =
            "select order_id, action, by_user_id, by_name, from_user_id, from_name, happened_at from order_history";

    private final JdbcClient sql;

    OrderHistoryRepository(JdbcClient sql) {
        this.sql = sql;
    }

    void takenOver(long orderId, long byUserId, String byName, long fromUserId, String fromName) {
        sql.sql(
                        """
                        insert into order_history (order_id, action, by_user_id, by_name, from_user_id, from_name)
                        values (:order, :action, :by, :byName, :from, :fromName)
                        """)
                .param("order", orderId)
                .param("action", TAKEN_OVER)
                .param("by", byUserId)
                .param("byName", byName)
                .param("from", fromUserId)
                .param("fromName", fromName)
                .update();
    }

    /** The order's history, oldest first. */
    List<Entry> of(long orderId) {
        return sql.sql(SELECT + " where order_id = :order order by id")
                .param("order", orderId)
                .query(Entry.class)
                .list();
    }

    /** The history of many orders in one query, by order. */
    Map<Long, List<Entry>> of(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return sql
                .sql(SELECT + " where order_id = any(cast(:orders as bigint[])) order by id")
                .param("orders", SqlArrays.texts(orderIds))
                .query(Entry.class)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Entry::orderId));
    }
}
