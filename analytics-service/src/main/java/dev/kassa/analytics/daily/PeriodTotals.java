package dev.kassa.analytics.daily;

import java.math.BigDecimal;

/** A store's sales over a period, net of refunds, and their cost of goods sold (the batches' costs). */
public record PeriodTotals(
        BigDecimal totalSales,
        int salesCount,
        BigDecimal totalDiscount,
        BigDecimal totalItemsSold,
        BigDecimal totalCost) {

    public BigDecimal grossProfit() {
        return totalSales.subtract(totalCost);
    }
}
