package dev.kassa.analytics.product;

import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Spec §8.1 ProductPerformance, per product and business date, recomputed from the sale facts after every sale or
 * refund that touches it: net of refunds, profit from the unit cost of the batch each unit was sold from.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ProductPerformanceRepository {

    public record Row(long id, long product, String productName, String productBarcode, LocalDate date, BigDecimal quantitySold,
                      BigDecimal totalRevenue, int salesCount, BigDecimal avgPrice, BigDecimal avgDiscount, BigDecimal totalCost,
                      BigDecimal totalProfit, BigDecimal profitMargin, Instant createdAt, Instant updatedAt) { }

    public record Top(long productId, String productName, String productSku, BigDecimal totalRevenue, BigDecimal totalQuantity,
                      BigDecimal totalProfit, long salesCount) { }

    record Slow(long productId, String productName, String productSku, BigDecimal totalQuantity) { }

    private static final String SELECT = """
            select pp.*, coalesce(p.name, (select l.product_name from sale_fact_lines l where l.product_id = pp.product_id
                                                and l.product_name is not null limit 1), '') as product_name, p.barcode
              from product_performance pp left join products p on p.product_id = pp.product_id""";
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong("id"), rs.getLong("product_id"), rs.getString("product_name"),
            rs.getString("barcode"), rs.getObject("date", LocalDate.class), rs.getBigDecimal("quantity_sold"), rs.getBigDecimal("total_revenue"),
            rs.getInt("sales_count"), rs.getBigDecimal("avg_price"), rs.getBigDecimal("avg_discount"), rs.getBigDecimal("total_cost"),
            rs.getBigDecimal("total_profit"), rs.getBigDecimal("profit_margin"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;

    ProductPerformanceRepository(JdbcClient sql, JdbcTemplate jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    /** Recomputes the rows of {@code products} on {@code date} from the facts; a product left without lines loses its row. */
    public void recompute(LocalDate date, Collection<Long> products) {
        if (products.isEmpty()) {
            return;
        }
        sql.sql("""
                        with agg as (
                            select product_id, sum(quantity) as qty, sum(line_total) as revenue,
                                   count(distinct sale_id) filter (where quantity > 0) as sales,
                                   coalesce(round(avg(unit_price) filter (where quantity > 0), 2), 0) as avg_price,
                                   round(sum(quantity * unit_cost), 2) as cost
                              from sale_fact_lines where business_date = :date and product_id in (:products) group by product_id)
                        insert into product_performance (product_id, date, quantity_sold, total_revenue, sales_count, avg_price, avg_discount,
                                                         total_cost, total_profit, profit_margin)
                        select product_id, :date, qty, revenue, sales, avg_price,
                               case when avg_price > 0 and qty > 0 then greatest(0, least(100, round((avg_price - revenue / qty) / avg_price * 100, 2)))
                                    else 0 end,
                               cost, revenue - cost,
                               case when revenue <> 0 then greatest(-9999999, least(9999999, round((revenue - cost) / revenue * 100, 2))) else 0 end
                          from agg
                        on conflict (product_id, date) do update set quantity_sold = excluded.quantity_sold, total_revenue = excluded.total_revenue,
                            sales_count = excluded.sales_count, avg_price = excluded.avg_price, avg_discount = excluded.avg_discount,
                            total_cost = excluded.total_cost, total_profit = excluded.total_profit, profit_margin = excluded.profit_margin,
                            updated_at = now()
                        """)
                .param("date", date).param("products", products).update();
        sql.sql("""
                        delete from product_performance pp where pp.date = :date and pp.product_id in (:products)
                           and not exists (select 1 from sale_fact_lines l where l.business_date = :date and l.product_id = pp.product_id)
                        """)
                .param("date", date).param("products", products).update();
        // the month of those products, summed again from its days
        LocalDate month = date.withDayOfMonth(1);
        sql.sql("""
                        insert into product_performance_monthly (month, product_id, quantity_sold, total_revenue, total_profit, sales_count)
                        select :month, product_id, sum(quantity_sold), sum(total_revenue), sum(total_profit), sum(sales_count)
                          from product_performance
                         where product_id in (:products) and date >= :month and date < cast(:month as date) + interval '1 month'
                         group by product_id
                        on conflict (month, product_id) do update set quantity_sold = excluded.quantity_sold,
                            total_revenue = excluded.total_revenue, total_profit = excluded.total_profit, sales_count = excluded.sales_count
                        """)
                .param("month", month).param("products", products).update();
        sql.sql("""
                        delete from product_performance_monthly m where m.month = :month and m.product_id in (:products)
                           and not exists (select 1 from product_performance pp where pp.product_id = m.product_id
                                              and pp.date >= :month and pp.date < cast(:month as date) + interval '1 month')
                        """)
                .param("month", month).param("products", products).update();
    }

    /** The products with facts or a row on {@code date}: what a rebuild of that date recomputes. */
    public List<Long> productsOn(LocalDate date) {
        return sql.sql("""
                        select product_id from sale_fact_lines where business_date = :date
                        union select product_id from product_performance where date = :date
                        """)
                .param("date", date).query(Long.class).list();
    }

    @Transactional(readOnly = true)
    Page<Row> page(Long product, LocalDate date, String orderBy, Pageable page) {
        return JdbcPages.page(jdbc, SELECT, "from product_performance pp",
                "where (?::bigint is null or pp.product_id = ?) and (?::date is null or pp.date = ?)", orderBy,
                new Object[] {product, product, date, date}, ROW, page);
    }

    @Transactional(readOnly = true)
    Optional<Row> find(long id) {
        return jdbc.query(SELECT + " where pp.id = ?", ROW, id).stream().findFirst();
    }

    /** The best products of a period by revenue, quantity or profit. */
    @Transactional(readOnly = true)
    public List<Top> top(LocalDate from, LocalDate to, String orderBy, int limit) {
        // whole months of the period come summed (product_performance_monthly), the days of its partial months one by one,
        // each edge as its own range so that both read the date index (one range with an "or" read the whole table)
        LocalDate fullFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate fullTo = to.plusDays(1).withDayOfMonth(1);
        if (!fullFrom.isBefore(fullTo)) {
            fullFrom = to.plusDays(1);
            fullTo = fullFrom;
        }
        String column = switch (orderBy) {
            case "quantity" -> "total_quantity";
            case "profit" -> "total_profit";
            default -> "total_revenue";
        };
        return sql.sql("""
                        with days as (select product_id, quantity_sold, total_revenue, total_profit, sales_count
                                        from product_performance_monthly where month >= :fullFrom and month < :fullTo
                                      union all
                                      select product_id, quantity_sold, total_revenue, total_profit, sales_count
                                        from product_performance where date >= :from and date < :fullFrom and date <= :to
                                      union all
                                      select product_id, quantity_sold, total_revenue, total_profit, sales_count
                                        from product_performance where date >= :fullTo and date <= :to and date >= :from),
                             best as (select product_id, sum(total_revenue) as total_revenue, sum(quantity_sold) as total_quantity,
                                             sum(total_profit) as total_profit, sum(sales_count) as sales_count
                                        from days group by product_id
                                       order by %1$s desc, product_id
                                       limit :limit)
                        select b.*, p.sku as product_sku,
                               coalesce(p.name, (select l.product_name from sale_fact_lines l where l.product_id = b.product_id
                                                   and l.product_name is not null limit 1), '') as product_name
                          from best b left join products p on p.product_id = b.product_id
                         order by b.%1$s desc, b.product_id
                        """.formatted(column))
                .param("from", from).param("to", to).param("limit", limit).param("fullFrom", fullFrom).param("fullTo", fullTo)
                .query((rs, i) -> new Top(rs.getLong("product_id"), rs.getString("product_name"), rs.getString("product_sku"),
                        rs.getBigDecimal("total_revenue"), rs.getBigDecimal("total_quantity"), rs.getBigDecimal("total_profit"),
                        rs.getLong("sales_count")))
                .list();
    }

    /**
     * Products that sold fewer than 5 units since {@code from}, fewest first, at most 20: active products analytics knows
     * from catalog that sold nothing at all count too (the original left them out).
     */
    @Transactional(readOnly = true)
    List<Slow> slowMovers(LocalDate from) {
        return sql.sql("""
                        with sold as (select product_id, sum(quantity_sold) as qty from product_performance where date >= :from group by product_id),
                             candidates as (
                                 select s.product_id, s.qty from sold s
                                 union all
                                 select p.product_id, 0 from products p where p.is_active and p.sku is not null
                                    and not exists (select 1 from sold s where s.product_id = p.product_id))
                        select c.product_id, coalesce(p.name, '') as name, p.sku, c.qty
                          from candidates c left join products p on p.product_id = c.product_id
                         where c.qty < 5 and coalesce(p.is_active, true)
                         order by c.qty, c.product_id
                         limit 20
                        """)
                .param("from", from)
                .query((rs, i) -> new Slow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4).setScale(3)))
                .list();
    }
}
