package dev.kassa.sales.kitchen;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store's kitchen tickets ({@code kitchen_tickets}), inside the caller's transaction; read without their dishes (the
 * order lines their round sent), which the order feature answers ({@link OrderLines}).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class KitchenTicketRepository {

    /** A ticket as the kitchen screen shows it: when it reached each status (null until it did). */
    record Ticket(
            long id,
            long order,
            int round,
            String station,
            String status,
            String tableName,
            List<OrderLines.Dish> items,
            Instant createdAt,
            Instant acceptedAt,
            Instant cookingAt,
            Instant readyAt,
            Instant servedAt,
            Instant cancelledAt) {

        /** The ticket with its dishes. */
        Ticket withItems(List<OrderLines.Dish> dishes) {
            return new Ticket(
                    id,
                    order,
                    round,
                    station,
                    status,
                    tableName,
                    List.copyOf(dishes),
                    createdAt,
                    acceptedAt,
                    cookingAt,
                    readyAt,
                    servedAt,
                    cancelledAt);
        }
    }

    /** A station's or a product's preparation: tickets (or dishes) made, and seconds from the order to ready. */
    record Preparation(
            String station, Long productId, String productName, long count, Long averageSeconds, Long maxSeconds) {}

    /** A ticket made ready: its station, and the seconds from the order to ready (to the microsecond). */
    record Ready(long id, String station, BigDecimal seconds) {}

    private static final String SELECT = "select t.* from kitchen_tickets t";

    private final JdbcClient sql;

    KitchenTicketRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** A new ticket of the round for the station (its lines are pointed at it by the order); its id. */
    long create(long orderId, int round, String station, String tableName) {
        return sql.sql(
                        """
                        insert into kitchen_tickets (order_id, round, station, table_name) values (:order, :round, :station, :table)
                        returning id
                        """)
                .param("order", orderId)
                .param("round", round)
                .param("station", station)
                .param("table", tableName)
                .query(Long.class)
                .single();
    }

    Optional<Ticket> find(long id) {
        return sql.sql(SELECT + " where t.id = :id").param("id", id).query(ROW).optional();
    }

    /** The ticket, its row locked until the transaction ends. */
    Optional<KitchenTicket> lock(long id) {
        return sql.sql("select status from kitchen_tickets where id = :id for update")
                .param("id", id)
                .query(String.class)
                .optional()
                .flatMap(TicketStatus::of)
                .map(status -> new KitchenTicket(id, status));
    }

    /** The station's tickets (every station's when null) in the given statuses, oldest first. */
    List<Ticket> list(String station, Collection<TicketStatus> statuses, int limit) {
        return sql.sql(
                        SELECT
                                + """
                                 where (cast(:station as text) is null or t.station = :station)
                                   and t.status = any(cast(:statuses as text[]))
                                 order by t.id limit :limit
                                """)
                .param("station", station)
                .param(
                        "statuses",
                        SqlArrays.texts(
                                statuses.stream().map(TicketStatus::code).toList()))
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /** Whether the station has tickets the kitchen has not made ready and handed over yet (new to ready). */
    boolean inKitchen(String station) {
        return sql.sql(
                        """
                        select exists (select 1 from kitchen_tickets
                                        where station = :station and status in ('new', 'accepted', 'cooking', 'ready'))
                        """)
                .param("station", station)
                .query(Boolean.class)
                .single();
    }

    /** Moves the ticket to {@code status}, noting when. */
    void move(long id, TicketStatus status) {
        sql.sql("update kitchen_tickets set status = :status, " + status.timeColumn()
                        + " = now(), updated_at = now() where id = :id")
                .param("status", status.code())
                .param("id", id)
                .update();
    }

    /** The tickets given (an order's) follow it to another table: their screens show where to bring the dishes. */
    void retable(Collection<Long> ids, String tableName) {
        sql.sql(
                        """
                        update kitchen_tickets set table_name = :table, updated_at = now()
                         where id = any(cast(:ids as bigint[]))
                        """)
                .param("ids", SqlArrays.texts(ids))
                .param("table", tableName)
                .update();
    }

    /** Those of the tickets given (an order's) the kitchen has not made yet (new, accepted, cooking), their rows locked. */
    List<Long> unmade(Collection<Long> ids) {
        return sql.sql(
                        """
                        select id from kitchen_tickets
                         where id = any(cast(:ids as bigint[]))
                           and status in ('new', 'accepted', 'cooking')
                         order by id for update
                        """)
                .param("ids", SqlArrays.texts(ids))
                .query(Long.class)
                .list();
    }

    /** Tickets made in a period ({@code from} inclusive, {@code to} exclusive) that were made ready: per station. */
    List<Preparation> byStation(Instant from, Instant to) {
        return sql.sql(
                        """
                        select t.station, count(*) as n,
                               round(avg(extract(epoch from t.ready_at - t.created_at)))::bigint as avg_s,
                               round(max(extract(epoch from t.ready_at - t.created_at)))::bigint as max_s
                          from kitchen_tickets t
                         where t.ready_at is not null and t.created_at >= :from and t.created_at < :to
                         group by t.station order by t.station
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, i) -> new Preparation(
                        rs.getString("station"), null, null, rs.getLong("n"), rs.getLong("avg_s"), rs.getLong("max_s")))
                .list();
    }

    /**
     * The tickets made in a period ({@code from} inclusive, {@code to} exclusive) that were made ready, with their time
     * to ready: what the report per product counts.
     */
    List<Ready> ready(Instant from, Instant to) {
        return sql.sql(
                        """
                        select t.id, t.station, extract(epoch from t.ready_at - t.created_at) as seconds
                          from kitchen_tickets t
                         where t.ready_at is not null and t.created_at >= :from and t.created_at < :to
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, i) -> new Ready(rs.getLong("id"), rs.getString("station"), rs.getBigDecimal("seconds")))
                .list();
    }

    private static final RowMapper<Ticket> ROW = (rs, i) -> new Ticket(
            rs.getLong("id"),
            rs.getLong("order_id"),
            rs.getInt("round"),
            rs.getString("station"),
            rs.getString("status"),
            rs.getString("table_name"),
            List.of(),
            rs.getTimestamp("created_at").toInstant(),
            at(rs.getTimestamp("accepted_at")),
            at(rs.getTimestamp("cooking_at")),
            at(rs.getTimestamp("ready_at")),
            at(rs.getTimestamp("served_at")),
            at(rs.getTimestamp("cancelled_at")));

    private static Instant at(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
