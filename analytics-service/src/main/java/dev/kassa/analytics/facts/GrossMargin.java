package dev.kassa.analytics.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Gross profit as a share of net sales, in percent to two places; zero when nothing was sold. */
public final class GrossMargin {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GrossMargin() {}

    public static BigDecimal percent(BigDecimal revenue, BigDecimal grossProfit) {
        if (revenue.signum() == 0) {
            return new BigDecimal("0.00");
        }
        return grossProfit.multiply(HUNDRED).divide(revenue, 2, RoundingMode.HALF_UP);
    }
}
