package dev.kassa.catalog.inventory.stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the stock is worth in one query: each batch's quantity (now, or as the ledger had it at a moment) at the batch's
 * own purchase price and at its product's sale price (the price the product had then), summed by category, by
 * supplier, by location or for the whole store (or one location).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
class ValuationRepository {

    /**
     * One group's figures (or, {@code total}, the store's): its id (null: none) and name, products with stock, units,
     * value at cost and at retail.
     */
    record Group(
            boolean total,
            Long id,
            String name,
            long products,
            BigDecimal quantity,
            BigDecimal cost,
            BigDecimal retail) {}

    /** How the batches are grouped: the group's id and name as SQL. */
    enum GroupBy {
        CATEGORY("p.category_id", "coalesce(max(c.name), '')"),
        SUPPLIER("b.supplier_id", "coalesce(max(s.name), max(nullif(b.supplier_name, '')), '')"),
        LOCATION("b.location_id", "max(l.name)"),
        NONE(null, null);

        private final String id;
        private final String name;

        GroupBy(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** Now: the batches' own quantities. */
    private static final String NOW = "select b.id as batch_id, b.quantity from batches b where b.quantity > 0";

    /** At a moment: each batch's movements before it (the ledger is every change of a batch's quantity). */
    private static final String AT =
            """
            select m.batch_id, sum(m.quantity) as quantity from stock_movements m
             where m.created_at < :at and m.batch_id is not null
             group by m.batch_id having sum(m.quantity) > 0""";

    private final JdbcClient sql;

    ValuationRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * The store's total and its groups (largest value at cost first) in one pass ({@code grouping sets}); {@code at}
     * null for now. At a moment, each product's price is the last it had before it (one scan of the price history).
     */
    List<Group> groups(GroupBy by, Instant at, Long location) {
        String prices = at == null
                ? ""
                : """
                  , price as (select distinct on (pp.product_id) pp.product_id, pp.sale_price from product_prices pp
                               where pp.valid_from < :at order by pp.product_id, pp.valid_from desc, pp.id desc)""";
        String group = by.id == null ? "cast(null as bigint)" : by.id;
        String name = by.name == null ? "''" : by.name;
        String sets = by.id == null ? "grouping sets (())" : "grouping sets ((" + by.id + "), ())";
        return sql.sql("with held as (" + (at == null ? NOW : AT) + ")" + prices
                        + """
                         select %s as group_id, %s as group_name, %s as total, count(distinct p.id) as products,
                                sum(h.quantity) as quantity, sum(h.quantity * b.purchase_price) as cost,
                                sum(h.quantity * %s) as retail
                           from held h
                           join batches b on b.id = h.batch_id
                           join products p on p.id = b.product_id
                           %s
                           left join categories c on c.id = p.category_id
                           left join suppliers s on s.id = b.supplier_id
                           join locations l on l.id = b.location_id
                          where (cast(:location as bigint) is null or b.location_id = :location)
                          group by %s
                          order by total desc, cost desc, group_name
                         """
                                .formatted(
                                        group,
                                        name,
                                        by.id == null ? "true" : "grouping(" + by.id + ") = 1",
                                        at == null ? "p.sale_price" : "coalesce(pr.sale_price, p.sale_price)",
                                        at == null ? "" : "left join price pr on pr.product_id = p.id",
                                        sets))
                .param("location", location)
                .params(at == null ? Map.of() : Map.of("at", Timestamp.from(at)))
                .query((rs, i) -> new Group(
                        rs.getBoolean("total"),
                        (Long) rs.getObject("group_id"),
                        rs.getString("group_name"),
                        rs.getLong("products"),
                        rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("cost"),
                        rs.getBigDecimal("retail")))
                .list();
    }
}
