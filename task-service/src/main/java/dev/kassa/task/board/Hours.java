package dev.kassa.task.board;

import java.math.BigDecimal;

/** Hours of work on a task, estimated or spent ({@code numeric(5, 2)}). */
public final class Hours {

    private static final BigDecimal MAX = new BigDecimal("999.99");

    private Hours() {}

    /** Not negative, at most two decimals, at most 999.99. */
    public static boolean valid(BigDecimal hours) {
        return hours.signum() >= 0
                && hours.compareTo(MAX) <= 0
                && hours.stripTrailingZeros().scale() <= 2;
    }
}
