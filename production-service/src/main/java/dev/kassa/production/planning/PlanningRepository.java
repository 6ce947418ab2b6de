package dev.kassa.production.planning;

import dev.kassa.production.order.OrderStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Where the orders' operations are planned (table {@code order_operations}, read with their orders and lines). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class PlanningRepository {

    /** An operation to store: what it is and where it was placed. */
    record Placed(int seq, String name, long line, Instant start, Instant end, int setupMinutes, BigDecimal runRate) {}

    private static final String SELECT = "select op.order_id, o.number, o.status, o.product_id, o.product_name,"
            + " o.quantity, o.due_date, o.priority, op.seq, op.name, op.line_id, l.code, op.planned_start,"
            + " op.planned_end from order_operations op join production_orders o on o.id = op.order_id"
            + " join lines l on l.id = op.line_id";

    private static final RowMapper<PlannedOperation> ROW = (rs, i) -> new PlannedOperation(
            rs.getLong("order_id"),
            rs.getString("number"),
            rs.getString("status"),
            rs.getLong("product_id"),
            rs.getString("product_name"),
            rs.getBigDecimal("quantity"),
            rs.getObject("due_date", LocalDate.class),
            rs.getString("priority"),
            rs.getInt("seq"),
            rs.getString("name"),
            rs.getLong("line_id"),
            rs.getString("code"),
            rs.getTimestamp("planned_start").toInstant(),
            rs.getTimestamp("planned_end").toInstant());

    /** The statuses whose operations hold their lines. */
    private static final String HOLDING = "o.status = any(cast(:holding as text[]))";

    /** The statuses whose operations hold their lines, as stored. */
    private static final String[] HOLDING_STATUSES = Arrays.stream(OrderStatus.values())
            .filter(OrderStatus::holdsLines)
            .map(OrderStatus::code)
            .toArray(String[]::new);

    private final JdbcClient sql;

    PlanningRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The operations holding {@code line} (or every line when null), by planned start. */
    List<PlannedOperation> queue(Long line) {
        return sql.sql(SELECT + " where " + HOLDING + " and (cast(:line as bigint) is null or op.line_id = :line)"
                        + " order by l.code, op.planned_start, op.order_id, op.seq")
                .param("line", line)
                .param("holding", HOLDING_STATUSES)
                .query(ROW)
                .list();
    }

    /** The operations of other orders that hold the lines (what a new plan must leave room for). */
    List<PlannedOperation> holdingBut(long order) {
        return sql.sql(SELECT + " where " + HOLDING + " and op.order_id <> :order order by op.planned_start")
                .param("order", order)
                .param("holding", HOLDING_STATUSES)
                .query(ROW)
                .list();
    }

    /** The order's operations, in order. */
    List<PlannedOperation> of(long order) {
        return sql.sql(SELECT + " where op.order_id = :order order by op.seq")
                .param("order", order)
                .query(ROW)
                .list();
    }

    /**
     * Planning in this store waits for planning already under way in it, on any instance, until this transaction ends:
     * two plans never place work in the same free time.
     */
    void lockPlanning(String store) {
        sql.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "production-planning:" + store)
                .query((rs, i) -> 1)
                .list();
    }

    /** The order's operations replaced by {@code placed}. */
    void replace(long order, List<Placed> placed) {
        sql.sql("delete from order_operations where order_id = :order")
                .param("order", order)
                .update();
        for (Placed p : placed) {
            sql.sql(
                            "insert into order_operations (order_id, seq, name, line_id, planned_start, planned_end,"
                                    + " setup_minutes, run_rate) values (:order, :seq, :name, :line, :start, :end, :setup, :rate)")
                    .param("order", order)
                    .param("seq", p.seq())
                    .param("name", p.name())
                    .param("line", p.line())
                    .param("start", Timestamp.from(p.start()))
                    .param("end", Timestamp.from(p.end()))
                    .param("setup", p.setupMinutes())
                    .param("rate", p.runRate())
                    .update();
        }
    }
}
