package dev.kassa.sales.kitchen;

import dev.kassa.platform.data.SqlArrays;
import dev.kassa.sales.catalog.Modifier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's kitchen tickets ({@code kitchen_tickets}), inside the caller's transaction; each read with its dishes (the
 * order lines its round sent).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class KitchenTicketRepository {

    /** A dish of a ticket. */
    record Dish(
            long item, long productId, String productName, BigDecimal quantity, List<String> modifiers, String note) {}

    /** A ticket as the kitchen screen shows it: when it reached each status (null until it did). */
    record Ticket(
            long id,
            long order,
            int round,
            String station,
            String status,
            String tableName,
            List<Dish> items,
            Instant createdAt,
            Instant acceptedAt,
            Instant cookingAt,
            Instant readyAt,
            Instant servedAt,
            Instant cancelledAt) {}

    /** A station's or a product's preparation: tickets (or dishes) made, and seconds from the order to ready. */
    record Preparation(
            String station, Long productId, String productName, long count, Long averageSeconds, Long maxSeconds) {}

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
        return withDishes(sql.sql(SELECT + " where t.id = :id")
                        .param("id", id)
                        .query(ROW)
                        .list())
                .stream()
                .findFirst();
    }

    /** The ticket's status, its row locked. */
    Optional<TicketStatus> lock(long id) {
        return sql.sql("select status from kitchen_tickets where id = :id for update")
                .param("id", id)
                .query(String.class)
                .optional()
                .flatMap(TicketStatus::of);
    }

    /** The station's tickets (every station's when null) in the given statuses, oldest first. */
    List<Ticket> list(String station, Collection<TicketStatus> statuses, int limit) {
        return withDishes(sql.sql(
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
                .list());
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

    /**
     * The tickets of the order's lines follow it to another table (their screens show where to bring the dishes), the
     * lines it took in by a merge or a split included.
     */
    void retable(long orderId, String tableName) {
        sql.sql(
                        """
                        update kitchen_tickets set table_name = :table, updated_at = now()
                         where id in (select ticket_id from order_items where order_id = :order and ticket_id is not null)
                        """)
                .param("order", orderId)
                .param("table", tableName)
                .update();
    }

    /** The order's tickets the kitchen has not made yet (new, accepted, cooking), their rows locked. */
    List<Long> unmade(long orderId) {
        return sql.sql(
                        """
                        select id from kitchen_tickets
                         where id in (select ticket_id from order_items where order_id = :order and ticket_id is not null)
                           and status in ('new', 'accepted', 'cooking')
                         order by id for update
                        """)
                .param("order", orderId)
                .query(Long.class)
                .list();
    }

    /** Whether a line of the ticket belongs to an order that is paid, being paid, or closed. */
    boolean billedOrClosed(long id) {
        return sql.sql(
                        """
                        select exists (select 1 from order_items i join orders o on o.id = i.order_id
                                        where i.ticket_id = :id and o.status <> 'open')
                        """)
                .param("id", id)
                .query(Boolean.class)
                .single();
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

    /** The same per product and station: the tickets that carried it, with their time to ready. */
    List<Preparation> byProduct(Instant from, Instant to) {
        return sql.sql(
                        """
                        select t.station, i.product_id, max(i.product_name) as product_name, count(distinct t.id) as n,
                               round(avg(extract(epoch from t.ready_at - t.created_at)))::bigint as avg_s,
                               round(max(extract(epoch from t.ready_at - t.created_at)))::bigint as max_s
                          from kitchen_tickets t join order_items i on i.ticket_id = t.id
                         where t.ready_at is not null and t.created_at >= :from and t.created_at < :to
                         group by t.station, i.product_id order by avg_s desc, i.product_id
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, i) -> new Preparation(
                        rs.getString("station"),
                        rs.getLong("product_id"),
                        rs.getString("product_name"),
                        rs.getLong("n"),
                        rs.getLong("avg_s"),
                        rs.getLong("max_s")))
                .list();
    }

    private List<Ticket> withDishes(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return tickets;
        }
        Map<Long, List<Dish>> dishes = new LinkedHashMap<>();
        sql.sql(
                        """
                        select ticket_id, id, product_id, product_name, quantity, note, modifiers from order_items
                         where ticket_id = any(cast(:tickets as bigint[])) order by id
                        """)
                .param("tickets", SqlArrays.texts(tickets, Ticket::id))
                .query((rs, i) -> dishes.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>())
                        .add(new Dish(
                                rs.getLong("id"),
                                rs.getLong("product_id"),
                                rs.getString("product_name"),
                                rs.getBigDecimal("quantity"),
                                Modifier.parse(rs.getString("modifiers")).stream()
                                        .map(Modifier::name)
                                        .toList(),
                                rs.getString("note"))))
                .list();
        return tickets.stream()
                .map(t -> new Ticket(
                        t.id(),
                        t.order(),
                        t.round(),
                        t.station(),
                        t.status(),
                        t.tableName(),
                        List.copyOf(dishes.getOrDefault(t.id(), List.of())),
                        t.createdAt(),
                        t.acceptedAt(),
                        t.cookingAt(),
                        t.readyAt(),
                        t.servedAt(),
                        t.cancelledAt()))
                .toList();
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
