package dev.kassa.sales.order;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The store's orders ({@code orders}), inside the caller's transaction; each read with its table's name. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class OrderRepository {

    record Order(
            long id,
            Long tableId,
            String tableName,
            String diningOption,
            OrderStatus status,
            long waiterUserId,
            String waiterName,
            int guests,
            String notes,
            int rounds,
            UUID clientId,
            Long saleId,
            Long mergedInto,
            Instant openedAt,
            Instant closedAt) {}

    /** The waiter of an order guests opened from their table that no waiter has taken on yet. */
    static final long NO_WAITER = 0;

    record Fields(Long tableId, String diningOption, long waiterUserId, String waiterName, int guests, String notes) {}

    private static final String SELECT =
            "select o.*, t.name as table_name from orders o left join dining_tables t on t.id = o.table_id";
    private static final RowMapper<Order> ROW = (rs, i) -> new Order(
            rs.getLong("id"),
            (Long) rs.getObject("table_id"),
            rs.getString("table_name"),
            rs.getString("dining_option"),
            OrderStatus.of(rs.getString("status")),
            rs.getLong("waiter_user_id"),
            rs.getString("waiter_name"),
            rs.getInt("guests"),
            rs.getString("notes"),
            rs.getInt("rounds"),
            rs.getObject("client_id", UUID.class),
            (Long) rs.getObject("sale_id"),
            (Long) rs.getObject("merged_into"),
            rs.getTimestamp("opened_at").toInstant(),
            at(rs.getTimestamp("closed_at")));

    /** The statuses of an order that holds its table (the one open order of a table). */
    private static final String[] HOLDING_TABLE = wires(
            Arrays.stream(OrderStatus.values()).filter(OrderStatus::holdsTable).toList());

    private final JdbcClient sql;

    OrderRepository(JdbcClient sql) {
        this.sql = sql;
    }

    long create(Fields f) {
        return sql.sql(
                        """
                        insert into orders (table_id, dining_option, waiter_user_id, waiter_name, guests, notes, client_id)
                        values (:table, :option, :waiter, :waiterName, :guests, :notes, :client) returning id
                        """)
                .param("table", f.tableId())
                .param("option", f.diningOption())
                .param("waiter", f.waiterUserId())
                .param("waiterName", f.waiterName())
                .param("guests", f.guests())
                .param("notes", f.notes())
                .param("client", UUID.randomUUID())
                .query(Long.class)
                .single();
    }

    Optional<Order> find(long id) {
        return sql.sql(SELECT + " where o.id = :id").param("id", id).query(ROW).optional();
    }

    /** The order with its row locked (every change of an order and its lines takes it first). */
    Optional<Order> lock(long id) {
        return sql.sql(SELECT + " where o.id = :id for update of o")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /**
     * Orders in a status, at a table, of a waiter (each filter when given; a waiter's include those guests opened, which
     * no waiter has yet), newest first.
     */
    List<Order> list(OrderStatus status, Long table, Long waiter, int limit) {
        return sql.sql(
                        SELECT
                                + """
                           where o.status = any(cast(:statuses as text[]))
                             and (cast(:table as bigint) is null or o.table_id = :table)
                             and (cast(:waiter as bigint) is null or o.waiter_user_id in (:waiter, 0))
                           order by o.id desc limit :limit
                          """)
                .param("statuses", wires(status.listed()))
                .param("table", table)
                .param("waiter", waiter)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** The open order at the table (one being paid included), if any. */
    Optional<Long> openAt(long table) {
        return sql.sql("select id from orders where table_id = :table and status = any(cast(:holding as text[]))")
                .param("table", table)
                .param("holding", HOLDING_TABLE)
                .query(Long.class)
                .optional();
    }

    /** A waiter takes on an order guests opened from the table (one no waiter has yet). */
    void claim(long id, long waiter, String waiterName) {
        sql.sql(
                        """
                        update orders set waiter_user_id = :waiter, waiter_name = :name, updated_at = now()
                         where id = :id and waiter_user_id = 0
                        """)
                .param("id", id)
                .param("waiter", waiter)
                .param("name", waiterName)
                .update();
    }

    /** A waiter takes the order over from the one who has it (the caller holds its lock and has read who that is). */
    void takeOver(long id, long from, long waiter, String waiterName) {
        sql.sql(
                        """
                        update orders set waiter_user_id = :waiter, waiter_name = :name, updated_at = now()
                         where id = :id and waiter_user_id = :from
                        """)
                .param("id", id)
                .param("from", from)
                .param("waiter", waiter)
                .param("name", waiterName)
                .update();
    }

    /** Counts a round sent to the kitchen; answers its number. */
    int nextRound(long id) {
        return sql.sql("update orders set rounds = rounds + 1, updated_at = now() where id = :id returning rounds")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    void moveTo(long id, Long table) {
        sql.sql("update orders set table_id = :table, updated_at = now() where id = :id")
                .param("id", id)
                .param("table", table)
                .update();
    }

    /** Holds an open order while its payment is taken: nothing may change it until it is paid or reopened. */
    void billing(long id) {
        setStatus(id, OrderStatus.BILLING);
    }

    /** Opens an order again whose payment was refused (a tender too small, a method switched off). */
    void reopen(long id) {
        setStatus(id, OrderStatus.OPEN);
    }

    /** Moves the order to {@code next} when its status may become it. */
    private void setStatus(long id, OrderStatus next) {
        sql.sql(
                        """
                        update orders set status = :to, updated_at = now()
                         where id = :id and status = any(cast(:from as text[]))
                        """)
                .param("id", id)
                .params(toStatus(next))
                .update();
    }

    /** Closes an order as paid by its sale (once: a second payment of it changes nothing). */
    void paid(long id, long saleId) {
        sql.sql(
                        """
                        update orders set status = :to, sale_id = :sale, closed_at = now(), updated_at = now()
                         where id = :id and status = any(cast(:from as text[]))
                        """)
                .param("id", id)
                .param("sale", saleId)
                .params(toStatus(OrderStatus.PAID))
                .update();
    }

    /** Closes an open order as cancelled, or as merged into another one. */
    void cancel(long id, Long mergedInto) {
        sql.sql(
                        """
                        update orders set status = :to, merged_into = :into, closed_at = now(), updated_at = now()
                         where id = :id and status = any(cast(:from as text[]))
                        """)
                .param("id", id)
                .param("into", mergedInto)
                .params(toStatus(OrderStatus.CANCELLED))
                .update();
    }

    /**
     * A move's parameters: {@code :to} the status it moves to, {@code :from} the statuses that may become it (an order
     * in any other is left as it is).
     */
    private static Map<String, Object> toStatus(OrderStatus next) {
        return Map.of("to", next.code(), "from", wires(OrderStatus.mayBecome(next)));
    }

    private static String[] wires(List<OrderStatus> statuses) {
        return SqlArrays.texts(statuses, OrderStatus::code);
    }

    private static Instant at(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
