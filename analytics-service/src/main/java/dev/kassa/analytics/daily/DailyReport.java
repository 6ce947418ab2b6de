package dev.kassa.analytics.daily;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The seed's daily report shape (erp-v2-api.md §4.1), net of refunds made that day ({@code total_refunds},
 * {@code refunds_count}); {@code avg_sale_amount} is over the day's sales; {@code credit_sales} the part bought on customers' accounts
 * (net of credit given back by refunds). {@code id} is null for a day without sales. {@code sessions_opened}: shifts opened that
 * business date, {@code sessions_closed}: how many of them are closed by now; {@code new_customers}: customers whose first
 * purchase in the store was that day (spec §8.1 counts customers created that day who bought that day; a customer
 * registered long ago who buys for the first time is new to the shop too). {@code total_cost}: the cost of goods sold
 * that day at the batches' own costs, net of what refunds brought back; {@code gross_profit} net sales less that cost,
 * {@code gross_margin} it as a percent of net sales.
 */
public record DailyReport(
        Long id,
        LocalDate date,
        BigDecimal totalSales,
        int totalSalesCount,
        BigDecimal avgSaleAmount,
        BigDecimal cashSales,
        BigDecimal cardSales,
        BigDecimal totalDiscount,
        BigDecimal totalTax,
        BigDecimal totalItemsSold,
        int uniqueProductsSold,
        int uniqueCustomers,
        BigDecimal totalRefunds,
        int refundsCount,
        BigDecimal creditSales,
        int newCustomers,
        int sessionsOpened,
        int sessionsClosed,
        BigDecimal totalCost,
        BigDecimal grossProfit,
        BigDecimal grossMargin) {

    public static DailyReport empty(LocalDate date) {
        return withoutSales(date, 0, 0);
    }

    /** A day without sales: zeros, with the shifts it had (a day without sales may still have had shifts). */
    static DailyReport withoutSales(LocalDate date, int sessionsOpened, int sessionsClosed) {
        BigDecimal zero = new BigDecimal("0.00");
        return new DailyReport(
                null,
                date,
                zero,
                0,
                zero,
                zero,
                zero,
                zero,
                zero,
                new BigDecimal("0.000"),
                0,
                0,
                zero,
                0,
                zero,
                0,
                sessionsOpened,
                sessionsClosed,
                zero,
                zero,
                zero);
    }
}
