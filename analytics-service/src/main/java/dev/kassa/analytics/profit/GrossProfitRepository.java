package dev.kassa.analytics.profit;

import dev.kassa.analytics.facts.GrossMargin;
import dev.kassa.analytics.product.TopRanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * A period's net sales, cost of goods sold and gross profit, read from the reports kept fact by fact: the days from the
 * daily reports, products and categories from the products' day and month rows (a year reads twelve months per
 * product), cashiers from their days. Reads only, each in its own read-only transaction of the store's schema.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class GrossProfitRepository {

    /** A period's figures: its net sales, their cost at the batches' costs and what is left. */
    public record Sums(
            BigDecimal revenue,
            BigDecimal cost,
            BigDecimal grossProfit,
            BigDecimal grossMargin,
            BigDecimal quantity,
            Long salesCount) {

        static Sums of(BigDecimal revenue, BigDecimal cost, BigDecimal quantity, Long salesCount) {
            BigDecimal profit = revenue.subtract(cost);
            return new Sums(revenue, cost, profit, GrossMargin.percent(revenue, profit), quantity, salesCount);
        }
    }

    /**
     * One group of the period: a day ({@code date}), a product ({@code id}, {@code sku}, {@code name}), a category or a
     * cashier ({@code id}, {@code name}; null for products without a category and for sales of no known cashier).
     */
    public record Line(Long id, LocalDate date, String name, String sku, Sums sums) {}

    /** The period's groups, at most {@code limit} of them, and how many there are in all. */
    public record Lines(List<Line> lines, int count) {}

    private final JdbcClient sql;

    GrossProfitRepository(JdbcClient sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Sums totals(LocalDate from, LocalDate to) {
        return sql.sql(
                        """
                        select coalesce(sum(total_sales), 0) as revenue, round(coalesce(sum(cost_exact), 0), 2) as cost,
                               coalesce(sum(total_items_sold), 0) as quantity, coalesce(sum(total_sales_count), 0) as sales_count
                          from daily_sales where date between :from and :to
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> sums(rs))
                .single();
    }

    /** Every day with sales or refunds, oldest first. */
    @Transactional(readOnly = true)
    public Lines byDay(LocalDate from, LocalDate to, int limit) {
        return lines(sql.sql(
                        """
                                select cast(null as bigint) as id, date, cast(null as text) as name, cast(null as text) as sku, total_sales as revenue, total_cost as cost,
                                       total_items_sold as quantity, total_sales_count as sales_count, count(*) over () as total
                                  from daily_sales where date between :from and :to
                                 order by date limit :limit
                                """)
                .param("from", from)
                .param("to", to)
                .param("limit", limit));
    }

    /** Every product sold, most gross profit first. */
    @Transactional(readOnly = true)
    public Lines byProduct(LocalDate from, LocalDate to, int limit) {
        return lines(TopRanges.of(from, to)
                .bind(sql.sql(
                        """
                        with %s,
                             sold as (select product_id, sum(quantity_sold) as quantity, sum(total_revenue) as revenue,
                                             sum(total_profit) as profit, sum(sales_count) as sales_count, count(*) over () as total
                                        from days group by product_id having sum(days) > 0
                                       order by sum(total_profit) desc, product_id limit :limit)
                        select s.product_id as id, cast(null as date) as date,
                               coalesce(p.name, (select l.product_name from sale_fact_lines l where l.product_id = s.product_id
                                                   and l.product_name is not null limit 1), '') as name,
                               p.sku, s.revenue, s.revenue - s.profit as cost, s.quantity, s.sales_count, s.total
                          from sold s left join products p on p.product_id = s.product_id
                         order by s.profit desc, s.product_id
                        """
                                .formatted(TopRanges.DAYS)))
                .param("limit", limit));
    }

    /** Every category sold (its products as catalog names them now), most gross profit first. */
    @Transactional(readOnly = true)
    public Lines byCategory(LocalDate from, LocalDate to, int limit) {
        return lines(TopRanges.of(from, to)
                .bind(sql.sql(
                        """
                        with %s,
                             sold as (select product_id, sum(quantity_sold) as quantity, sum(total_revenue) as revenue,
                                             sum(total_profit) as profit
                                        from days group by product_id having sum(days) > 0)
                        select p.category_id as id, cast(null as date) as date, max(p.category_name) as name, cast(null as text) as sku, sum(s.revenue) as revenue,
                               sum(s.revenue - s.profit) as cost, sum(s.quantity) as quantity, cast(null as bigint) as sales_count,
                               count(*) over () as total
                          from sold s left join products p on p.product_id = s.product_id
                         group by p.category_id
                         order by sum(s.profit) desc, p.category_id nulls last limit :limit
                        """
                                .formatted(TopRanges.DAYS)))
                .param("limit", limit));
    }

    /** Every cashier who sold, most gross profit first; their names from the store's employees. */
    @Transactional(readOnly = true)
    public Lines byCashier(String tenantKey, LocalDate from, LocalDate to, int limit) {
        return lines(sql.sql(
                        """
                                with sold as (select cashier_id, sum(items_sold) as quantity, sum(sales_count) as sales_count,
                                                     sum(revenue) as revenue, round(sum(cost_exact), 2) as cost, count(*) over () as total
                                                from cashier_daily where date between :from and :to group by cashier_id
                                               order by sum(revenue) - round(sum(cost_exact), 2) desc, cashier_id limit :limit)
                                select s.cashier_id as id, cast(null as date) as date,
                                       (select e.full_name from public.kassa_employee e where e.tenant_key = :tenant and e.user_id = s.cashier_id
                                         order by e.is_active desc limit 1) as name,
                                       cast(null as text) as sku, s.revenue, s.cost, s.quantity, s.sales_count, s.total
                                  from sold s order by s.revenue - s.cost desc, s.cashier_id
                                """)
                .param("tenant", tenantKey)
                .param("from", from)
                .param("to", to)
                .param("limit", limit));
    }

    private static Lines lines(JdbcClient.StatementSpec query) {
        int[] total = {0};
        List<Line> lines = query.query((rs, i) -> {
                    total[0] = rs.getInt("total");
                    return new Line(
                            rs.getObject("id", Long.class),
                            rs.getObject("date", LocalDate.class),
                            rs.getString("name"),
                            rs.getString("sku"),
                            sums(rs));
                })
                .list();
        return new Lines(lines, total[0]);
    }

    private static Sums sums(ResultSet rs) throws SQLException {
        BigDecimal sales = rs.getBigDecimal("sales_count");
        return Sums.of(
                rs.getBigDecimal("revenue").setScale(2),
                rs.getBigDecimal("cost").setScale(2),
                rs.getBigDecimal("quantity").setScale(3),
                sales == null ? null : sales.longValueExact());
    }
}
