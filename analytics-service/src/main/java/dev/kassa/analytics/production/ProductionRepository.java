package dev.kassa.analytics.production;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The plant as production's events told it (tables {@code production_lines}, {@code production_orders}, {@code production_activities}). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ProductionRepository {

    /** A line's status as last announced. */
    public record Line(long line, String code, String status, String reason, Instant since) {}

    /** An order as last announced. */
    public record Order(
            long order,
            String number,
            String productName,
            BigDecimal quantity,
            LocalDate dueDate,
            String priority,
            String status) {}

    /** Something that happened in the plant. */
    public record Activity(Instant at, String kind, String subject, String detail) {}

    private final JdbcClient sql;

    ProductionRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The line's status, unless an announcement of a later change came first (events of a store come in order). */
    public void line(long line, String code, String status, String reason, Instant at) {
        sql.sql(
                        "insert into production_lines (line_id, code, status, reason, since) values (:line, :code, :status,"
                                + " :reason, :at) on conflict (line_id) do update set code = excluded.code, status = excluded.status,"
                                + " reason = excluded.reason, since = excluded.since where production_lines.since <= excluded.since")
                .param("line", line)
                .param("code", code)
                .param("status", status)
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void order(
            long order,
            String number,
            Long product,
            String productName,
            BigDecimal quantity,
            LocalDate due,
            String priority,
            String status,
            Instant at) {
        sql.sql(
                        "insert into production_orders (order_id, number, product_id, product_name, quantity, due_date, priority,"
                                + " status, updated_at) values (:order, :number, :product, :name, :quantity, :due, :priority,"
                                + " :status, :at) on conflict (order_id) do update set status = excluded.status,"
                                + " updated_at = excluded.updated_at where production_orders.updated_at <= excluded.updated_at")
                .param("order", order)
                .param("number", number)
                .param("product", product)
                .param("name", productName)
                .param("quantity", quantity)
                .param("due", due)
                .param("priority", priority)
                .param("status", status)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void activity(Instant at, String kind, String subject, String detail) {
        sql.sql("insert into production_activities (occurred_at, kind, subject, detail) values (:at, :kind, :subject,"
                        + " :detail)")
                .param("at", Timestamp.from(at))
                .param("kind", kind)
                .param("subject", subject)
                .param("detail", detail == null ? null : detail.substring(0, Math.min(600, detail.length())))
                .update();
    }

    List<Line> lines() {
        return sql.sql("select line_id, code, status, reason, since from production_lines order by code, line_id")
                .query((rs, i) -> new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    List<Activity> activities(int limit) {
        return sql.sql("select occurred_at, kind, subject, detail from production_activities"
                        + " order by occurred_at desc, id desc limit :limit")
                .param("limit", limit)
                .query((rs, i) ->
                        new Activity(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Open orders due on or before {@code by}, earliest first. */
    List<Order> openDueBy(LocalDate by) {
        return sql.sql(
                        "select order_id, number, product_name, quantity, due_date, priority, status from production_orders"
                                + " where status not in ('done', 'cancelled') and due_date <= :by order by due_date, order_id")
                .param("by", by)
                .query((rs, i) -> new Order(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
