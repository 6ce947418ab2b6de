package dev.kassa.analytics.customer;

import java.math.BigDecimal;

/**
 * RFM scoring and segments (spec §8.2.3 with its REWRITE): recency over the customer's whole history, frequency and
 * monetary within the window; the low-recency segments are checked before Loyal Customers, so At Risk and Can't Lose
 * Them are reachable. Thresholds are the store's ({@link RfmSettings}).
 */
final class Rfm {
    private Rfm() {}

    record Scores(int r, int f, int m) {
        int score() {
            return (r + f + m) / 3;
        }
    }

    static Scores score(RfmSettings s, int recencyDays, int frequency, BigDecimal monetary) {
        return new Scores(recency(s, recencyDays), atLeast(frequency, s.frequency()), atLeast(monetary, s.monetary()));
    }

    private static int recency(RfmSettings s, int days) {
        int[] limits = s.recencyDays();
        for (int i = 0; i < limits.length; i++) {
            if (days <= limits[i]) {
                return 5 - i;
            }
        }
        return 1;
    }

    private static int atLeast(int value, int[] limits) {
        for (int i = 0; i < limits.length; i++) {
            if (value >= limits[i]) {
                return 5 - i;
            }
        }
        return 1;
    }

    private static int atLeast(BigDecimal value, BigDecimal[] limits) {
        for (int i = 0; i < limits.length; i++) {
            if (value.compareTo(limits[i]) >= 0) {
                return 5 - i;
            }
        }
        return 1;
    }

    static String segment(Scores s) {
        int r = s.r();
        int f = s.f();
        int m = s.m();
        if (r >= 4 && f >= 4 && m >= 4) {
            return "Champions";
        }
        if (r <= 2 && f >= 5 && m >= 5) {
            return "Can't Lose Them";
        }
        if (r <= 2 && f >= 4 && m >= 4) {
            return "At Risk";
        }
        if (f >= 4 && m >= 4) {
            return "Loyal Customers";
        }
        if (r >= 4 && f >= 3 && m >= 3) {
            return "Potential Loyalists";
        }
        if (r >= 4 && f <= 2 && m <= 2) {
            return "New Customers";
        }
        if (r >= 3 && f <= 2) {
            return "Promising";
        }
        if (r >= 3 && f >= 3) {
            return "Need Attention";
        }
        if (r <= 2 && f >= 2) {
            return "Hibernating";
        }
        return "Lost";
    }
}
