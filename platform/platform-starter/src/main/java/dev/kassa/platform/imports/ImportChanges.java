package dev.kassa.platform.imports;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a row changes in a record the store has: a cell's value when it is filled and differs from the record's, null
 * otherwise (an empty cell changes nothing), so a row that changes nothing leaves the record untouched and the same
 * file imported again changes nothing.
 */
public final class ImportChanges {
    private ImportChanges() {}

    public static String text(String value, String current) {
        return value == null || Objects.equals(value, current) ? null : value;
    }

    /** Numbers compared by value ({@code 12000} and {@code 12000.00} are the same price). */
    public static BigDecimal number(BigDecimal value, BigDecimal current) {
        return value == null || current != null && value.compareTo(current) == 0 ? null : value;
    }

    public static Boolean flag(Boolean value, boolean current) {
        return value == null || value == current ? null : value;
    }

    /** An id (a category, a group) a cell named. */
    public static Long id(Long value, Long current) {
        return value == null || value.equals(current) ? null : value;
    }
}
