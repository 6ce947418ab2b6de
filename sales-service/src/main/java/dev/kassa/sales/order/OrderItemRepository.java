package dev.kassa.sales.order;

import dev.kassa.platform.data.SqlArrays;
import dev.kassa.sales.catalog.Modifier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lines of the store's orders ({@code order_items}), inside the caller's transaction; each read with the kitchen
 * ticket of its round (null until the round is sent).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class OrderItemRepository {

    /**
     * A line: {@code status} {@code awaiting} while a guest's line waits for a waiter, {@code pending} until its round is
     * sent, then its ticket's ({@code new} … {@code served}, {@code cancelled}: the kitchen did not make it, and it is not
     * billed); see {@link OrderItemStatus}.
     */
    record Item(
            long id,
            long orderId,
            Ordered ordered,
            Long ticketId,
            Integer round,
            String station,
            OrderItemStatus status,
            Instant createdAt) {

        boolean sent() {
            return ticketId != null;
        }

        boolean billed() {
            return status.billed();
        }

        boolean awaiting() {
            return status == OrderItemStatus.AWAITING;
        }
    }

    /** What a line orders: the product as priced then (name and category kept), how many, its note and modifiers. */
    record Ordered(
            long productId,
            String productName,
            Long categoryId,
            BigDecimal unitPrice,
            BigDecimal quantity,
            String note,
            List<Modifier> modifiers) {}

    private static final String SELECT =
            """
            select i.*, k.round, k.station, k.status as ticket_status
              from order_items i left join kitchen_tickets k on k.id = i.ticket_id
            """;
    private static final RowMapper<Item> ROW = (rs, n) -> new Item(
            rs.getLong("id"),
            rs.getLong("order_id"),
            new Ordered(
                    rs.getLong("product_id"),
                    rs.getString("product_name"),
                    (Long) rs.getObject("category_id"),
                    rs.getBigDecimal("unit_price"),
                    rs.getBigDecimal("quantity"),
                    rs.getString("note"),
                    Modifier.parse(rs.getString("modifiers"))),
            (Long) rs.getObject("ticket_id"),
            (Integer) rs.getObject("round"),
            rs.getString("station"),
            OrderItemStatus.of(rs.getBoolean("awaiting"), rs.getString("ticket_status")),
            rs.getTimestamp("created_at").toInstant());

    /** The lines chosen by id, or every one when {@code :lines} is null. */
    private static final String CHOSEN =
            " and (cast(:lines as bigint[]) is null or id = any(cast(:lines as bigint[])))";

    private final JdbcClient sql;

    OrderItemRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Adds a line; {@code awaiting}: a guest's, which waits for a waiter to confirm it. */
    long add(long orderId, Ordered i, boolean awaiting) {
        return sql.sql(
                        """
                        insert into order_items (order_id, product_id, product_name, category_id, unit_price, quantity, note,
                                                 awaiting, modifiers)
                        values (:order, :product, :name, :category, :price, :quantity, :note, :awaiting,
                                cast(:modifiers as jsonb))
                        returning id
                        """)
                .param("modifiers", Modifier.json(i.modifiers()))
                .param("awaiting", awaiting)
                .param("order", orderId)
                .param("product", i.productId())
                .param("name", i.productName())
                .param("category", i.categoryId())
                .param("price", i.unitPrice())
                .param("quantity", i.quantity())
                .param("note", i.note())
                .query(Long.class)
                .single();
    }

    List<Item> of(long orderId) {
        return sql.sql(SELECT + " where i.order_id = :order order by i.id")
                .param("order", orderId)
                .query(ROW)
                .list();
    }

    /** The lines of many orders in one query, by order. */
    Map<Long, List<Item>> of(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return sql
                .sql(SELECT + " where i.order_id = any(cast(:orders as bigint[])) order by i.id")
                .param("orders", SqlArrays.texts(orderIds))
                .query(ROW)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Item::orderId));
    }

    /** How many of the order's lines guests ordered wait for a waiter. */
    int waiting(long orderId) {
        return sql.sql("select count(*) from order_items where order_id = :order and awaiting")
                .param("order", orderId)
                .query(Integer.class)
                .single();
    }

    /**
     * A waiter confirms guests' lines of the order, those chosen ({@code lines}; every waiting one when null): they join
     * the next round and are billed; answers how many.
     */
    int confirm(long orderId, Collection<Long> lines) {
        return sql.sql("update order_items set awaiting = false where order_id = :order and awaiting" + CHOSEN)
                .param("order", orderId)
                .param("lines", lines == null ? null : SqlArrays.texts(lines))
                .update();
    }

    /**
     * Takes off guests' lines that wait for a waiter, those chosen ({@code lines}; every waiting one when null): a waiter
     * declines them, or the order was paid or cancelled before anyone confirmed them; answers how many.
     */
    int decline(long orderId, Collection<Long> lines) {
        return sql.sql("delete from order_items where order_id = :order and awaiting" + CHOSEN)
                .param("order", orderId)
                .param("lines", lines == null ? null : SqlArrays.texts(lines))
                .update();
    }

    void delete(long id) {
        sql.sql("delete from order_items where id = :id and ticket_id is null")
                .param("id", id)
                .update();
    }

    /** Points the round's lines at the ticket that carries them. */
    void sent(Collection<Long> items, long ticketId) {
        sql.sql("update order_items set ticket_id = :ticket where id = any(cast(:items as bigint[]))")
                .param("ticket", ticketId)
                .param("items", SqlArrays.texts(items))
                .update();
    }

    /** Moves lines to another order (a merge, a split). */
    void moveTo(Collection<Long> items, long orderId) {
        sql.sql("update order_items set order_id = :order where id = any(cast(:items as bigint[]))")
                .param("order", orderId)
                .param("items", SqlArrays.texts(items))
                .update();
    }

    /** Takes {@code part} of a line's quantity into a new line of another order (the same ticket): its id. */
    long splitOff(long id, BigDecimal part, long orderId) {
        sql.sql("update order_items set quantity = quantity - :part where id = :id")
                .param("part", part)
                .param("id", id)
                .update();
        return sql.sql(
                        """
                        insert into order_items (order_id, product_id, product_name, category_id, unit_price, quantity, note,
                                                 ticket_id, created_at, modifiers)
                        select :order, product_id, product_name, category_id, unit_price, :part, note, ticket_id, created_at,
                               modifiers
                          from order_items where id = :id returning id
                        """)
                .param("order", orderId)
                .param("part", part)
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
