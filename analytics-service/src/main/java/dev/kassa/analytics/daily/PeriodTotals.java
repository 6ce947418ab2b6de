package dev.kassa.analytics.daily;

import java.math.BigDecimal;

/** A store's sales over a period, net of refunds. */
public record PeriodTotals(
        BigDecimal totalSales, int salesCount, BigDecimal totalDiscount, BigDecimal totalItemsSold) {}
