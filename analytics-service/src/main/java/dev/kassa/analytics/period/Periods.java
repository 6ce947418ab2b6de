package dev.kassa.analytics.period;

import dev.kassa.platform.data.Values;
import dev.kassa.platform.error.FieldErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The query parameters every report reads the same way: dates, periods of at most 366 days, limits, day counts. */
public final class Periods {
    private Periods() {}

    /** A period of business dates, both ends included. */
    /** A period as the reports show it: {@code {"start_date": "2025-11-01", "end_date": "2025-11-20"}}. */
    public record DateRange(String startDate, String endDate) {
        public static DateRange of(Range range) {
            return new DateRange(range.start().toString(), range.end().toString());
        }
    }

    public record Range(LocalDate start, LocalDate end) {
        public long days() {
            return ChronoUnit.DAYS.between(start, end) + 1;
        }
    }

    /** A date (YYYY-MM-DD), or null when absent; 400 on {@code field} when it cannot be read. */
    public static LocalDate optionalDate(String field, String value) {
        try {
            return Values.isoDate(value);
        } catch (DateTimeParseException e) {
            throw FieldErrors.single(field, "validation.date");
        }
    }

    public static LocalDate requiredDate(String field, String value) {
        LocalDate date = optionalDate(field, value);
        if (date == null) {
            throw FieldErrors.missing(field);
        }
        return date;
    }

    /**
     * {@code start_date}..{@code end_date} when both are given, else the {@code defaultDays} days up to {@code today}; the
     * end may not be before the start and a period is at most 366 days.
     */
    public static Range range(String start, String end, LocalDate today, int defaultDays) {
        LocalDate from = optionalDate("start_date", start);
        LocalDate to = optionalDate("end_date", end);
        if (from == null && to == null) {
            return new Range(today.minusDays(defaultDays - 1L), today);
        }
        if (from == null || to == null) {
            throw FieldErrors.missing(from == null ? "start_date" : "end_date");
        }
        return checked(from, to);
    }

    public static Range checked(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 365) {
            throw FieldErrors.single("end_date", "analytics.period_invalid");
        }
        return new Range(from, to);
    }

    /** A whole number from {@code min} to {@code max}, {@code fallback} when absent. */
    public static int number(String field, String value, int fallback, int min, int max, String messageKey) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw FieldErrors.single(field, "validation.number");
        }
        if (n < min || n > max) {
            throw FieldErrors.single(field, messageKey);
        }
        return n;
    }

    /** A true/false filter, null when absent. */
    public static Boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw FieldErrors.single(field, "validation.boolean");
        };
    }

    /** An id filter, null when absent. */
    public static Long id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw FieldErrors.single(field, "validation.number");
        }
    }
}
