package dev.kassa.production.order;

import dev.kassa.platform.web.JdbcPages;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The store's production orders and their history (tables {@code production_orders}, {@code production_order_history}). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class OrderRepository {

    /** An order as stored. */
    record Row(
            long id,
            String number,
            long productId,
            String productName,
            String productSku,
            String unit,
            BigDecimal quantity,
            LocalDate dueDate,
            Priority priority,
            Long customerId,
            String spec,
            OrderStatus status,
            Long createdBy,
            Instant createdAt,
            Instant updatedAt) {}

    /** What an order's form sets. */
    record Fields(BigDecimal quantity, LocalDate dueDate, Priority priority, Long customerId, String spec) {}

    /** One move of an order, with who and when. */
    @Schema(name = "ProductionOrderChange")
    record Change(long id, String fromStatus, String toStatus, String note, Long changedBy, Instant changedAt) {}

    /** What a list of orders is filtered by (each null when not asked). */
    record Filter(List<String> statuses, Priority priority, Long product, LocalDate dueBefore, String search) {}

    private static final String COLUMNS = "o.id, o.number, o.product_id, o.product_name, o.product_sku, o.unit,"
            + " o.quantity, o.due_date, o.priority, o.customer_id, o.spec, o.status, o.created_by, o.created_at,"
            + " o.updated_at";

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            rs.getLong("id"),
            rs.getString("number"),
            rs.getLong("product_id"),
            rs.getString("product_name"),
            rs.getString("product_sku"),
            rs.getString("unit"),
            rs.getBigDecimal("quantity"),
            rs.getObject("due_date", LocalDate.class),
            Priority.of(rs.getString("priority")),
            (Long) rs.getObject("customer_id"),
            rs.getString("spec"),
            OrderStatus.of(rs.getString("status")),
            (Long) rs.getObject("created_by"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private static final RowMapper<Change> CHANGE = (rs, i) -> new Change(
            rs.getLong("id"),
            rs.getString("from_status"),
            rs.getString("to_status"),
            rs.getString("note"),
            (Long) rs.getObject("changed_by"),
            rs.getTimestamp("changed_at").toInstant());

    private final JdbcClient sql;

    OrderRepository(JdbcClient sql) {
        this.sql = sql;
    }

    Page<Row> page(Filter f, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                "select " + COLUMNS + " from production_orders o",
                "from production_orders o",
                "where (cast(:statuses as text[]) is null or o.status = any(:statuses))"
                        + " and (cast(:priority as text) is null or o.priority = :priority)"
                        + " and (cast(:product as bigint) is null or o.product_id = :product)"
                        + " and (cast(:dueBefore as date) is null or o.due_date <= :dueBefore)"
                        + " and (cast(:search as text) is null or o.number ilike '%' || :search || '%'"
                        + " or o.product_name ilike '%' || :search || '%' or o.spec ilike '%' || :search || '%')",
                orderBy,
                q -> q.param(
                                "statuses",
                                f.statuses() == null ? null : f.statuses().toArray(String[]::new))
                        .param(
                                "priority",
                                f.priority() == null ? null : f.priority().code())
                        .param("product", f.product())
                        .param("dueBefore", f.dueBefore())
                        .param("search", f.search()),
                ROW,
                page);
    }

    Optional<Row> find(long id) {
        return sql.sql("select " + COLUMNS + " from production_orders o where o.id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** The order under its lock: the only way to one about to change. */
    Optional<Row> lock(long id) {
        return sql.sql("select " + COLUMNS + " from production_orders o where o.id = :id for update")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** A new order {@code PR-000001}, {@code PR-000002}, … in the store's own sequence. */
    long insert(long product, String name, String sku, String unit, Fields f, Long by) {
        return sql.sql("insert into production_orders (number, product_id, product_name, product_sku, unit, quantity,"
                        + " due_date, priority, customer_id, spec, created_by)"
                        + " values ('PR-' || lpad(nextval('production_order_numbers')::text, 6, '0'), :product, :name,"
                        + " :sku, :unit, :quantity, :due, :priority, :customer, :spec, :by) returning id")
                .param("product", product)
                .param("name", name)
                .param("sku", sku)
                .param("unit", unit)
                .param("quantity", f.quantity())
                .param("due", f.dueDate())
                .param("priority", f.priority().code())
                .param("customer", f.customerId())
                .param("spec", f.spec())
                .param("by", by)
                .query(Long.class)
                .single();
    }

    void update(long id, Fields f) {
        sql.sql("update production_orders set quantity = :quantity, due_date = :due, priority = :priority,"
                        + " customer_id = :customer, spec = :spec, updated_at = now() where id = :id")
                .param("id", id)
                .param("quantity", f.quantity())
                .param("due", f.dueDate())
                .param("priority", f.priority().code())
                .param("customer", f.customerId())
                .param("spec", f.spec())
                .update();
    }

    /** The order's new status and the entry of its history that keeps the move. */
    void status(long id, OrderStatus from, OrderStatus to, String note, Long by, Instant at) {
        sql.sql("update production_orders set status = :status, updated_at = :at where id = :id")
                .param("id", id)
                .param("status", to.code())
                .param("at", Timestamp.from(at))
                .update();
        history(id, from, to, note, by, at);
    }

    void history(long id, OrderStatus from, OrderStatus to, String note, Long by, Instant at) {
        sql.sql("insert into production_order_history (order_id, from_status, to_status, note, changed_by, changed_at)"
                        + " values (:id, :from, :to, :note, :by, :at)")
                .param("id", id)
                .param("from", from == null ? null : from.code())
                .param("to", to.code())
                .param("note", note)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Every move of the order, in order. */
    List<Change> history(long id) {
        return sql.sql("select id, from_status, to_status, note, changed_by, changed_at from production_order_history"
                        + " where order_id = :id order by id")
                .param("id", id)
                .query(CHANGE)
                .list();
    }
}
