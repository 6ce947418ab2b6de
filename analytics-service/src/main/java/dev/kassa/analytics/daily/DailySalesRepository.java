package dev.kassa.analytics.daily;

import dev.kassa.analytics.facts.GrossMargin;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The store's daily reports. Reads run in their own read-only transaction (the store's schema); writes only inside the inbox's. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class DailySalesRepository {

    /** A report row: its gross profit and margin follow from its net sales and their cost of goods sold. */
    private static final RowMapper<DailyReport> ROW = (rs, i) -> {
        BigDecimal totalSales = rs.getBigDecimal("total_sales");
        BigDecimal totalCost = rs.getBigDecimal("total_cost");
        BigDecimal grossProfit = totalSales.subtract(totalCost);
        return new DailyReport(
                rs.getLong("id"),
                rs.getObject("date", LocalDate.class),
                totalSales,
                rs.getInt("total_sales_count"),
                rs.getBigDecimal("avg_sale_amount"),
                rs.getBigDecimal("cash_sales"),
                rs.getBigDecimal("card_sales"),
                rs.getBigDecimal("total_discount"),
                rs.getBigDecimal("total_tax"),
                rs.getBigDecimal("total_items_sold"),
                rs.getInt("unique_products_sold"),
                rs.getInt("unique_customers"),
                rs.getBigDecimal("total_refunds"),
                rs.getInt("refunds_count"),
                rs.getBigDecimal("credit_sales"),
                rs.getInt("new_customers"),
                rs.getInt("sessions_opened"),
                rs.getInt("sessions_closed"),
                totalCost,
                grossProfit,
                GrossMargin.percent(totalSales, grossProfit));
    };

    /** A report row with the day's shift and first-purchase figures, read from the shifts and the facts. */
    private static final String SELECT =
            """
            select d.*,
                   (select count(*) from shifts s where s.business_date = d.date) as sessions_opened,
                   (select count(*) from shifts s where s.business_date = d.date and s.closed_at is not null) as sessions_closed,
                   (select count(distinct f.customer_id) from sale_facts f
                     where f.business_date = d.date and f.kind = 'sale' and f.customer_id is not null
                       and not exists (select 1 from sale_facts p
                                        where p.customer_id = f.customer_id and p.kind = 'sale' and p.business_date < d.date)) as new_customers
              from daily_sales d""";

    private final JdbcClient sql;

    DailySalesRepository(JdbcClient sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Optional<DailyReport> forDate(LocalDate date) {
        return sql.sql(SELECT + " where d.date = :date")
                .param("date", date)
                .query(ROW)
                .optional();
    }

    /** A day without sales: no totals, but perhaps shifts. */
    @Transactional(readOnly = true)
    public DailyReport emptyDay(LocalDate date) {
        return sql.sql("select count(*), count(closed_at) from shifts where business_date = :date")
                .param("date", date)
                .query((rs, i) -> DailyReport.withoutSales(date, rs.getInt(1), rs.getInt(2)))
                .single();
    }

    /** A page of reports, of one date when {@code date} is given, in {@code orderBy} order. */
    @Transactional(readOnly = true)
    Page<DailyReport> page(LocalDate date, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from daily_sales d",
                "where (cast(:date as date) is null or d.date = :date)",
                orderBy,
                q -> q.param("date", date),
                ROW,
                page);
    }

    /** The store's net sales from {@code from} to {@code to}, in the caller's (the store's) transaction. */
    public PeriodTotals totals(LocalDate from, LocalDate to) {
        return sql.sql(
                        """
                        select coalesce(sum(total_sales), 0), coalesce(sum(total_sales_count), 0), coalesce(sum(total_discount), 0),
                               coalesce(sum(total_items_sold), 0), round(coalesce(sum(cost_exact), 0), 2)
                          from daily_sales where date between :from and :to
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> new PeriodTotals(
                        rs.getBigDecimal(1).setScale(2),
                        rs.getInt(2),
                        rs.getBigDecimal(3).setScale(2),
                        rs.getBigDecimal(4).setScale(3),
                        rs.getBigDecimal(5).setScale(2)))
                .single();
    }

    @Transactional(readOnly = true)
    Optional<DailyReport> find(long id) {
        return sql.sql(SELECT + " where d.id = :id").param("id", id).query(ROW).optional();
    }

    @Transactional(readOnly = true)
    List<DailyReport> between(LocalDate from, LocalDate to) {
        // a period of up to a year: the shift and first-purchase figures of all its days in one pass each
        return sql.sql(
                        """
                with firsts as (select customer_id, min(business_date) as first from sale_facts
                                 where kind = 'sale' and customer_id is not null group by customer_id),
                     fresh as (select first as date, count(*) as n from firsts where first between :from and :to group by first),
                     shifts_of as (select business_date as date, count(*) as opened, count(closed_at) as closed from shifts
                                    where business_date between :from and :to group by business_date)
                select d.*, coalesce(s.opened, 0) as sessions_opened, coalesce(s.closed, 0) as sessions_closed,
                       coalesce(f.n, 0) as new_customers
                  from daily_sales d left join shifts_of s on s.date = d.date left join fresh f on f.date = d.date
                 where d.date between :from and :to order by d.date
                """)
                .param("from", from)
                .param("to", to)
                .query(ROW)
                .list();
    }

    /**
     * Adds new facts (sales, and refunds' negative facts) to their dates' reports in one statement: their sums, the sales and
     * refunds they are, and the customers and products no earlier fact of the date had. Equal to {@link #recompute} of the
     * dates as long as each store's facts are added in the order they are recorded (its partition delivers them so), and
     * equal to adding them one by one: a product or customer new on the date counts once however many of them have it.
     */
    public void addAll(Collection<String> factIds) {
        if (factIds.isEmpty()) {
            return;
        }
        sql.sql(
                        """
                        insert into daily_sales (date, total_sales, total_sales_count, avg_sale_amount, cash_sales, card_sales, total_discount,
                                                 total_tax, total_items_sold, unique_products_sold, unique_customers, total_refunds, refunds_count,
                                                 credit_sales, cost_exact, total_cost)
                        select f.business_date, sum(f.total), count(*) filter (where f.kind = 'sale'),
                               coalesce(round((sum(f.total) + sum(case when f.kind = 'refund' then -f.total else 0 end))
                                              / nullif(count(*) filter (where f.kind = 'sale'), 0), 2), 0),
                               sum(f.cash), sum(f.card), sum(f.discount), sum(f.tax), sum(f.items_quantity),
                               (select count(distinct l.product_id) from sale_fact_lines l
                                 where l.sale_id = any(cast(:facts as text[])) and l.business_date = f.business_date and l.quantity > 0
                                   and not exists (select 1 from sale_fact_lines o
                                                    where o.business_date = f.business_date and o.product_id = l.product_id
                                                      and o.quantity > 0 and o.sale_id <> all(cast(:facts as text[])))),
                               count(distinct case when f.customer_id is not null
                                                    and not exists (select 1 from sale_facts o where o.customer_id = f.customer_id
                                                                       and o.business_date = f.business_date
                                                                       and o.sale_id <> all(cast(:facts as text[])))
                                                   then f.customer_id end),
                               sum(case when f.kind = 'refund' then -f.total else 0 end), count(*) filter (where f.kind = 'refund'),
                               sum(f.credit), c.cost, round(c.cost, 2)
                          from sale_facts f,
                               lateral (select coalesce(sum(l.quantity * l.unit_cost), 0) as cost from sale_fact_lines l
                                         where l.sale_id = any(cast(:facts as text[])) and l.business_date = f.business_date) c
                         where f.sale_id = any(cast(:facts as text[]))
                         group by f.business_date, c.cost
                        on conflict (date) do update set
                            total_sales = daily_sales.total_sales + excluded.total_sales,
                            total_sales_count = daily_sales.total_sales_count + excluded.total_sales_count,
                            avg_sale_amount = coalesce(round((daily_sales.total_sales + excluded.total_sales + daily_sales.total_refunds
                                                              + excluded.total_refunds)
                                                             / nullif(daily_sales.total_sales_count + excluded.total_sales_count, 0), 2), 0),
                            cash_sales = daily_sales.cash_sales + excluded.cash_sales,
                            card_sales = daily_sales.card_sales + excluded.card_sales,
                            total_discount = daily_sales.total_discount + excluded.total_discount,
                            total_tax = daily_sales.total_tax + excluded.total_tax,
                            total_items_sold = daily_sales.total_items_sold + excluded.total_items_sold,
                            unique_products_sold = daily_sales.unique_products_sold + excluded.unique_products_sold,
                            unique_customers = daily_sales.unique_customers + excluded.unique_customers,
                            total_refunds = daily_sales.total_refunds + excluded.total_refunds,
                            refunds_count = daily_sales.refunds_count + excluded.refunds_count,
                            credit_sales = daily_sales.credit_sales + excluded.credit_sales,
                            cost_exact = daily_sales.cost_exact + excluded.cost_exact,
                            total_cost = round(daily_sales.cost_exact + excluded.cost_exact, 2),
                            updated_at = now()
                        """)
                .param("facts", factIds.toArray(String[]::new))
                .update();
    }

    /** Rebuilds one date's report from the facts (each sale counted once; no join inflation, spec §11.5.1). */
    public void recompute(LocalDate date) {
        int facts = sql.sql("select count(*) from sale_facts where business_date = :date")
                .param("date", date)
                .query(Integer.class)
                .single();
        if (facts == 0) {
            sql.sql("delete from daily_sales where date = :date")
                    .param("date", date)
                    .update();
            return;
        }
        sql.sql(
                        """
                insert into daily_sales (date, total_sales, total_sales_count, avg_sale_amount, cash_sales, card_sales, total_discount, total_tax,
                                         total_items_sold, unique_products_sold, unique_customers, total_refunds, refunds_count, credit_sales,
                                         cost_exact, total_cost)
                select f.business_date, sum(f.total), count(*) filter (where f.kind = 'sale'),
                       coalesce(round(sum(f.total) filter (where f.kind = 'sale') / nullif(count(*) filter (where f.kind = 'sale'), 0), 2), 0),
                       sum(f.cash), sum(f.card), sum(f.discount), sum(f.tax), sum(f.items_quantity),
                       (select count(distinct l.product_id) from sale_fact_lines l where l.business_date = :date and l.quantity > 0),
                       count(distinct f.customer_id),
                       coalesce(-sum(f.total) filter (where f.kind = 'refund'), 0), count(*) filter (where f.kind = 'refund'), sum(f.credit),
                       c.cost, round(c.cost, 2)
                  from sale_facts f,
                       lateral (select coalesce(sum(l.quantity * l.unit_cost), 0) as cost from sale_fact_lines l where l.business_date = :date) c
                 where f.business_date = :date group by f.business_date, c.cost
                on conflict (date) do update set
                    total_sales = excluded.total_sales, total_sales_count = excluded.total_sales_count, avg_sale_amount = excluded.avg_sale_amount,
                    cash_sales = excluded.cash_sales, card_sales = excluded.card_sales, total_discount = excluded.total_discount,
                    total_tax = excluded.total_tax, total_items_sold = excluded.total_items_sold,
                    unique_products_sold = excluded.unique_products_sold, unique_customers = excluded.unique_customers,
                    total_refunds = excluded.total_refunds, refunds_count = excluded.refunds_count, credit_sales = excluded.credit_sales,
                    cost_exact = excluded.cost_exact, total_cost = excluded.total_cost, updated_at = now()
                """)
                .param("date", date)
                .update();
    }

    /** Removes the days before {@code oldest} (retention); how many. */
    public int removeBefore(LocalDate oldest) {
        return sql.sql("delete from daily_sales where date < :oldest")
                .param("oldest", oldest)
                .update();
    }
}
