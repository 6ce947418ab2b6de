package dev.kassa.analytics.product;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period's best products are read (issue 10): the whole months {@code [monthFrom, monthTo)} summed, plus the days
 * {@link #added}, minus the days {@link #subtracted}. A partial month at either end is taken the cheaper way: its days in
 * the period, or the whole month minus its days outside the period, whichever has fewer days. Both lists always hold
 * two ranges (unused ones are empty), so the query has a fixed shape.
 */
public record TopRanges(LocalDate monthFrom, LocalDate monthTo, List<Days> added, List<Days> subtracted) {

    /**
     * The period's product rows as a query's {@code days} CTE (product_id, quantity_sold, total_revenue, total_profit,
     * sales_count, days): a product with {@code sum(days) > 0} sold in the period; its sums are the period's. Each day
     * range is its own branch so that each reads the date index. Its parameters: {@link #bind}.
     */
    public static final String DAYS =
            """
            days as (select product_id, quantity_sold, total_revenue, total_profit, sales_count, days
                       from product_performance_monthly where month >= :monthFrom and month < :monthTo
                     union all
                     select product_id, quantity_sold, total_revenue, total_profit, sales_count, 1
                       from product_performance where date >= :addFrom and date < :addTo
                     union all
                     select product_id, quantity_sold, total_revenue, total_profit, sales_count, 1
                       from product_performance where date >= :addFrom2 and date < :addTo2
                     union all
                     select product_id, -quantity_sold, -total_revenue, -total_profit, -sales_count, -1
                       from product_performance where date >= :subFrom and date < :subTo
                     union all
                     select product_id, -quantity_sold, -total_revenue, -total_profit, -sales_count, -1
                       from product_performance where date >= :subFrom2 and date < :subTo2)""";

    /** The days {@code [from, until)}; empty when they are equal. */
    record Days(LocalDate from, LocalDate until) {
        static final Days NONE = new Days(LocalDate.EPOCH, LocalDate.EPOCH);
    }

    /** {@link #DAYS}' parameters for this period. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec query) {
        return query.param("monthFrom", monthFrom)
                .param("monthTo", monthTo)
                .param("addFrom", added.get(0).from())
                .param("addTo", added.get(0).until())
                .param("addFrom2", added.get(1).from())
                .param("addTo2", added.get(1).until())
                .param("subFrom", subtracted.get(0).from())
                .param("subTo", subtracted.get(0).until())
                .param("subFrom2", subtracted.get(1).from())
                .param("subTo2", subtracted.get(1).until());
    }

    public static TopRanges of(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " … " + to);
        }
        LocalDate firstMonth = from.withDayOfMonth(1);
        LocalDate lastMonth = to.withDayOfMonth(1);
        List<Days> added = new ArrayList<>();
        List<Days> subtracted = new ArrayList<>();
        if (firstMonth.equals(lastMonth)) {
            added.add(new Days(from, to.plusDays(1)));
            return new TopRanges(firstMonth, firstMonth, padded(added), padded(subtracted));
        }
        LocalDate monthFrom = firstMonth;
        int before = from.getDayOfMonth() - 1;
        if (before > 0 && before < from.lengthOfMonth() - before) {
            subtracted.add(new Days(firstMonth, from));
        } else if (before > 0) {
            monthFrom = firstMonth.plusMonths(1);
            added.add(new Days(from, monthFrom));
        }
        LocalDate monthTo = lastMonth.plusMonths(1);
        int after = to.lengthOfMonth() - to.getDayOfMonth();
        if (after > 0 && after < to.getDayOfMonth()) {
            subtracted.add(new Days(to.plusDays(1), monthTo));
        } else if (after > 0) {
            monthTo = lastMonth;
            added.add(new Days(lastMonth, to.plusDays(1)));
        }
        return new TopRanges(monthFrom, monthTo, padded(added), padded(subtracted));
    }

    private static List<Days> padded(List<Days> days) {
        while (days.size() < 2) {
            days.add(Days.NONE);
        }
        return List.copyOf(days);
    }
}
