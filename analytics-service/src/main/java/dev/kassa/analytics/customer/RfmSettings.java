package dev.kassa.analytics.customer;

import java.math.BigDecimal;

/**
 * A store's RFM thresholds, for scores 5, 4, 3 and 2 (below the last: 1): recency at most so many days since the last
 * purchase, frequency at least so many purchases and monetary at least so much within the window of {@code windowDays}.
 * The defaults are the original's (spec §8.2.3).
 */
record RfmSettings(int windowDays, int[] recencyDays, int[] frequency, BigDecimal[] monetary) {

    static RfmSettings defaults() {
        return new RfmSettings(90, new int[] {7, 30, 60, 90}, new int[] {20, 10, 5, 2}, new BigDecimal[] {
            new BigDecimal("5000000"), new BigDecimal("2000000"), new BigDecimal("1000000"), new BigDecimal("500000")
        });
    }
}
