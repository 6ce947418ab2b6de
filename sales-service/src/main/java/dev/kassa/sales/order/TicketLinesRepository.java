package dev.kassa.sales.order;

import dev.kassa.platform.data.SqlArrays;
import dev.kassa.sales.catalog.Modifier;
import dev.kassa.sales.kitchen.OrderLines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders' lines ({@code order_items}, {@code orders}) as the kitchen reads them: the tickets of an order, whether a
 * ticket's order is billed, the dishes of tickets; inside the caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class TicketLinesRepository implements OrderLines {

    private final JdbcClient sql;

    TicketLinesRepository(JdbcClient sql) {
        this.sql = sql;
    }

    @Override
    public List<Long> ticketsOf(long orderId) {
        return sql.sql(
                        """
                        select distinct ticket_id from order_items
                         where order_id = :order and ticket_id is not null
                         order by ticket_id
                        """)
                .param("order", orderId)
                .query(Long.class)
                .list();
    }

    @Override
    public boolean billedOrClosed(long ticketId) {
        return sql.sql(
                        """
                        select exists (select 1 from order_items i join orders o on o.id = i.order_id
                                        where i.ticket_id = :id and o.status <> 'open')
                        """)
                .param("id", ticketId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Map<Long, List<Dish>> dishes(Collection<Long> ticketIds) {
        Map<Long, List<Dish>> dishes = new LinkedHashMap<>();
        sql.sql(
                        """
                        select ticket_id, id, product_id, product_name, quantity, note, modifiers from order_items
                         where ticket_id = any(cast(:tickets as bigint[])) order by id
                        """)
                .param("tickets", SqlArrays.texts(ticketIds))
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
        return dishes;
    }

    @Override
    public List<Line> lines(Collection<Long> ticketIds) {
        return sql.sql(
                        """
                        select ticket_id, product_id, product_name from order_items
                         where ticket_id = any(cast(:tickets as bigint[]))
                        """)
                .param("tickets", SqlArrays.texts(ticketIds))
                .query((rs, i) ->
                        new Line(rs.getLong("ticket_id"), rs.getLong("product_id"), rs.getString("product_name")))
                .list();
    }
}
