package dev.kassa.analytics.profit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Each cashier's day ({@code cashier_daily}): the sales they took and the refunds of those sales, their net amount and
 * their cost at the batches' costs. Kept fact by fact as sales and refunds arrive, like the daily report; written only
 * inside the inbox's (or a rebuild's) transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class CashierDailyRepository {

    /** The facts' sums per date and cashier; {@code %s} chooses the facts. */
    private static final String SUMS =
            """
            select f.business_date, f.cashier_id, count(*) filter (where f.kind = 'sale'), count(*) filter (where f.kind = 'refund'),
                   sum(f.items_quantity), sum(f.total), sum(c.cost)
              from sale_facts f,
                   lateral (select coalesce(sum(l.quantity * l.unit_cost), 0) as cost from sale_fact_lines l where l.sale_id = f.sale_id) c
             where %s and f.cashier_id is not null
             group by f.business_date, f.cashier_id""";

    private final JdbcClient sql;

    CashierDailyRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Adds new facts (sales, and refunds' negative facts) to their cashiers' days, in one statement. */
    public void addAll(Collection<String> factIds) {
        if (factIds.isEmpty()) {
            return;
        }
        sql.sql(
                        """
                        insert into cashier_daily as cd (date, cashier_id, sales_count, refunds_count, items_sold, revenue, cost_exact)
                        %s
                        on conflict (date, cashier_id) do update set sales_count = cd.sales_count + excluded.sales_count,
                            refunds_count = cd.refunds_count + excluded.refunds_count, items_sold = cd.items_sold + excluded.items_sold,
                            revenue = cd.revenue + excluded.revenue, cost_exact = cd.cost_exact + excluded.cost_exact
                        """
                                .formatted(SUMS.formatted("f.sale_id = any(cast(:facts as text[]))")))
                .param("facts", factIds.toArray(String[]::new))
                .update();
    }

    /** Rebuilds the cashiers' rows of {@code date} from its facts (a rebuild, or refunds whose sale came after them). */
    public void recompute(LocalDate date) {
        sql.sql("delete from cashier_daily where date = :date")
                .param("date", date)
                .update();
        sql.sql(
                        """
                        insert into cashier_daily (date, cashier_id, sales_count, refunds_count, items_sold, revenue, cost_exact)
                        %s
                        """
                                .formatted(SUMS.formatted("f.business_date = :date")))
                .param("date", date)
                .update();
    }

    /** Removes the days before {@code oldest} (retention); how many. */
    public int removeBefore(LocalDate oldest) {
        return sql.sql("delete from cashier_daily where date < :oldest")
                .param("oldest", oldest)
                .update();
    }
}
