package dev.kassa.analytics.product;

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

    @Schema(name = "ProductPerformanceRow")
    public record Row(
            long id,
            long product,
            String productName,
            String productBarcode,
            LocalDate date,
            BigDecimal quantitySold,
            BigDecimal totalRevenue,
            int salesCount,
            BigDecimal avgPrice,
            BigDecimal avgDiscount,
            BigDecimal totalCost,
            BigDecimal totalProfit,
            BigDecimal profitMargin,
            Instant createdAt,
            Instant updatedAt) {}

    public record Top(
            long productId,
            String productName,
            String productSku,
            BigDecimal totalRevenue,
            BigDecimal totalQuantity,
            BigDecimal totalProfit,
            long salesCount) {}

    record Slow(long productId, String productName, String productSku, BigDecimal totalQuantity) {}

    private static final String SELECT =
            """
            select pp.*, coalesce(p.name, (select l.product_name from sale_fact_lines l where l.product_id = pp.product_id
                                                and l.product_name is not null limit 1), '') as product_name, p.barcode
              from product_performance pp left join products p on p.product_id = pp.product_id""";
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            rs.getLong("id"),
            rs.getLong("product_id"),
            rs.getString("product_name"),
            rs.getString("barcode"),
            rs.getObject("date", LocalDate.class),
            rs.getBigDecimal("quantity_sold"),
            rs.getBigDecimal("total_revenue"),
            rs.getInt("sales_count"),
            rs.getBigDecimal("avg_price"),
            rs.getBigDecimal("avg_discount"),
            rs.getBigDecimal("total_cost"),
            rs.getBigDecimal("total_profit"),
            rs.getBigDecimal("profit_margin"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient sql;

    ProductPerformanceRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * Adds new facts' lines (sales', or refunds' negative ones) to their products' rows of their dates, in two statements
     * for any number of facts: the running sums grow and the averages, cost and margins follow from them, the same figures
     * {@link #recompute(LocalDate, Collection)} makes of all the date's lines at once. The months are summed again by
     * {@link #resumMonth(LocalDate, Collection)}.
     */
    public void addAll(Collection<String> facts) {
        if (facts.isEmpty()) {
            return;
        }
        String[] ids = facts.toArray(String[]::new);
        sql.sql(
                        """
                        insert into product_performance as pp (product_id, date, quantity_sold, total_revenue, sales_count, avg_price,
                                                               avg_discount, total_cost, total_profit, profit_margin, priced_lines,
                                                               price_sum, cost_exact)
                        select product_id, business_date, sum(quantity), sum(line_total),
                               count(distinct sale_id) filter (where quantity > 0), 0, 0, 0, 0, 0,
                               count(unit_price) filter (where quantity > 0), coalesce(sum(unit_price) filter (where quantity > 0), 0),
                               sum(quantity * unit_cost)
                          from sale_fact_lines where sale_id = any(cast(:facts as text[])) group by product_id, business_date
                        on conflict (product_id, date) do update set quantity_sold = pp.quantity_sold + excluded.quantity_sold,
                            total_revenue = pp.total_revenue + excluded.total_revenue, sales_count = pp.sales_count + excluded.sales_count,
                            priced_lines = pp.priced_lines + excluded.priced_lines, price_sum = pp.price_sum + excluded.price_sum,
                            cost_exact = pp.cost_exact + excluded.cost_exact, updated_at = now()
                        """)
                .param("facts", ids)
                .update();
        sql.sql(
                        """
                        update product_performance pp set %s
                          from (select distinct product_id, business_date from sale_fact_lines where sale_id = any(cast(:facts as text[]))) f
                         where pp.product_id = f.product_id and pp.date = f.business_date
                        """
                                .formatted(DERIVED))
                .param("facts", ids)
                .update();
    }

    /** The figures that follow from a row's sums: its average price and discount, cost, profit and margin. */
    private static final String DERIVED =
            """
            avg_price = coalesce(round(pp.price_sum / nullif(pp.priced_lines, 0), 2), 0),
            avg_discount = case when pp.priced_lines > 0 and pp.quantity_sold > 0 and round(pp.price_sum / pp.priced_lines, 2) > 0
                                then greatest(0, least(100, round((round(pp.price_sum / pp.priced_lines, 2) - pp.total_revenue / pp.quantity_sold)
                                                                  / round(pp.price_sum / pp.priced_lines, 2) * 100, 2)))
                                else 0 end,
            total_cost = round(pp.cost_exact, 2),
            total_profit = pp.total_revenue - round(pp.cost_exact, 2),
            profit_margin = case when pp.total_revenue <> 0
                                 then greatest(-9999999, least(9999999, round((pp.total_revenue - round(pp.cost_exact, 2)) / pp.total_revenue * 100, 2)))
                                 else 0 end""";

    /**
     * Recomputes the rows of {@code products} on {@code date} from the facts, and their month; a product left without
     * lines loses its row. For what is not a new fact: a refund's lines that got their cost when the sale came after it.
     */
    public void recompute(LocalDate date, Collection<Long> products) {
        if (products.isEmpty()) {
            return;
        }
        recomputeDay(date, products);
        resumMonth(date.withDayOfMonth(1), products);
    }

    /**
     * Recomputes every product's rows of every day of {@code [from, to]}, then each month they touch once (a rebuild:
     * summing a month again after each of its days would rewrite each month row thirty times).
     */
    public void recompute(LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            List<Long> products = productsOn(day);
            if (!products.isEmpty()) {
                recomputeDay(day, products);
            }
        }
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
            resumMonth(month);
        }
    }

    private void recomputeDay(LocalDate date, Collection<Long> products) {
        sql.sql(
                        """
                        insert into product_performance as pp (product_id, date, quantity_sold, total_revenue, sales_count, avg_price,
                                                               avg_discount, total_cost, total_profit, profit_margin, priced_lines,
                                                               price_sum, cost_exact)
                        select product_id, :date, sum(quantity), sum(line_total), count(distinct sale_id) filter (where quantity > 0),
                               0, 0, 0, 0, 0, count(unit_price) filter (where quantity > 0),
                               coalesce(sum(unit_price) filter (where quantity > 0), 0), sum(quantity * unit_cost)
                          from sale_fact_lines where business_date = :date and product_id in (:products) group by product_id
                        on conflict (product_id, date) do update set quantity_sold = excluded.quantity_sold,
                            total_revenue = excluded.total_revenue, sales_count = excluded.sales_count,
                            priced_lines = excluded.priced_lines, price_sum = excluded.price_sum, cost_exact = excluded.cost_exact,
                            updated_at = now()
                        """)
                .param("date", date)
                .param("products", products)
                .update();
        sql.sql("update product_performance pp set %s where pp.date = :date and pp.product_id in (:products)"
                        .formatted(DERIVED))
                .param("date", date)
                .param("products", products)
                .update();
        sql.sql(
                        """
                        delete from product_performance pp where pp.date = :date and pp.product_id in (:products)
                           and not exists (select 1 from sale_fact_lines l where l.business_date = :date and l.product_id = pp.product_id)
                        """)
                .param("date", date)
                .param("products", products)
                .update();
    }

    /**
     * Sums {@code month}'s days again for every product (after a rebuild, or after retention removed its first days): a
     * month row always equals its daily rows, which {@link #top} relies on when it subtracts the days outside a period.
     */
    public void resumMonth(LocalDate month) {
        resumMonth(month, "true", List.of());
    }

    /** Sums {@code month}'s days again for {@code products}. */
    public void resumMonth(LocalDate month, Collection<Long> products) {
        if (!products.isEmpty()) {
            resumMonth(month.withDayOfMonth(1), "product_id in (:products)", products);
        }
    }

    private void resumMonth(LocalDate month, String products, Collection<Long> ids) {
        sql.sql(
                        """
                        insert into product_performance_monthly (month, product_id, quantity_sold, total_revenue, total_profit, sales_count, days)
                        select :month, product_id, sum(quantity_sold), sum(total_revenue), sum(total_profit), sum(sales_count), count(*)
                          from product_performance
                         where %1$s and date >= :month and date < cast(:month as date) + interval '1 month'
                         group by product_id
                        on conflict (month, product_id) do update set quantity_sold = excluded.quantity_sold,
                            total_revenue = excluded.total_revenue, total_profit = excluded.total_profit, sales_count = excluded.sales_count,
                            days = excluded.days
                        """
                                .formatted(products))
                .param("month", month)
                .param("products", ids)
                .update();
        sql.sql(
                        """
                        delete from product_performance_monthly m where m.month = :month and %1$s and %2$s
                        """
                                .formatted(
                                        products,
                                        ids.isEmpty()
                                                // every product of the month (a rebuild): the month's products read
                                                // once by date, not probed per row
                                                // (probing each of a big store's month rows cost half a second in the
                                                // benchmark's rebuild of a year)
                                                ? "m.product_id not in (select pp.product_id from product_performance pp where pp.date >= :month "
                                                        + "and pp.date < cast(:month as date) + interval '1 month')"
                                                : "not exists (select 1 from product_performance pp where pp.product_id = m.product_id "
                                                        + "and pp.date >= :month and pp.date < cast(:month as date) + interval '1 month')"))
                .param("month", month)
                .param("products", ids)
                .update();
    }

    /** The products with facts or a row on {@code date}: what a rebuild of that date recomputes. */
    private List<Long> productsOn(LocalDate date) {
        return sql.sql(
                        """
                        select product_id from sale_fact_lines where business_date = :date
                        union select product_id from product_performance where date = :date
                        """)
                .param("date", date)
                .query(Long.class)
                .list();
    }

    @Transactional(readOnly = true)
    Page<Row> page(Long product, LocalDate date, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from product_performance pp",
                "where (cast(:product as bigint) is null or pp.product_id = :product) and (cast(:date as date) is null or pp.date = :date)",
                orderBy,
                q -> q.param("product", product).param("date", date),
                ROW,
                page);
    }

    @Transactional(readOnly = true)
    Optional<Row> find(long id) {
        return sql.sql(SELECT + " where pp.id = :id").param("id", id).query(ROW).optional();
    }

    /**
     * The best products of a period by revenue, quantity or profit. Whole months come summed
     * ({@code product_performance_monthly}); a partial month at either end is read as its days in the period or, when
     * fewer days lie outside it, as the whole month minus those days (a period that ends today subtracts only days that
     * have not happened). Each day range is its own branch so that each reads the date index.
     */
    @Transactional(readOnly = true)
    public List<Top> top(LocalDate from, LocalDate to, String orderBy, int limit) {
        String column =
                switch (orderBy) {
                    case "quantity" -> "total_quantity";
                    case "profit" -> "total_profit";
                    default -> "total_revenue";
                };
        return TopRanges.of(from, to)
                .bind(sql.sql(
                        """
                        with %1$s,
                             best as (select product_id, sum(total_revenue) as total_revenue, sum(quantity_sold) as total_quantity,
                                             sum(total_profit) as total_profit, sum(sales_count) as sales_count
                                        from days group by product_id having sum(days) > 0
                                       order by %2$s desc, product_id
                                       limit :limit)
                        select b.*, p.sku as product_sku,
                               coalesce(p.name, (select l.product_name from sale_fact_lines l where l.product_id = b.product_id
                                                   and l.product_name is not null limit 1), '') as product_name
                          from best b left join products p on p.product_id = b.product_id
                         order by b.%2$s desc, b.product_id
                        """
                                .formatted(TopRanges.DAYS, column)))
                .param("limit", limit)
                .query((rs, i) -> new Top(
                        rs.getLong("product_id"),
                        rs.getString("product_name"),
                        rs.getString("product_sku"),
                        rs.getBigDecimal("total_revenue"),
                        rs.getBigDecimal("total_quantity"),
                        rs.getBigDecimal("total_profit"),
                        rs.getLong("sales_count")))
                .list();
    }

    /**
     * Products that sold fewer than 5 units since {@code from}, fewest first, at most 20: active products analytics knows
     * from catalog that sold nothing at all count too (the original left them out).
     */
    @Transactional(readOnly = true)
    List<Slow> slowMovers(LocalDate from) {
        return sql.sql(
                        """
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
                .query((rs, i) -> new Slow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4).setScale(3)))
                .list();
    }

    /** Removes the days before {@code oldest} and the months before its month (retention); how many. */
    public int removeBefore(LocalDate oldest) {
        return sql.sql("delete from product_performance where date < :oldest")
                        .param("oldest", oldest)
                        .update()
                + sql.sql("delete from product_performance_monthly where month < :oldest")
                        .param("oldest", oldest.withDayOfMonth(1))
                        .update();
    }
}
