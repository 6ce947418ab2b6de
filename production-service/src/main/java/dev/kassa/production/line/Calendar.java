package dev.kassa.production.line;

import dev.kassa.platform.data.Values;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.IsoDate;
import dev.kassa.platform.validation.PrintableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A line's calendar: its working hours per ISO weekday (1 Monday … 7 Sunday, several shifts a day, {@code closes}
 * {@code 00:00} meaning midnight) in the store's time zone, and the days it is closed. A calendar without hours is always
 * open (a plant working round the clock); planning puts work only into open hours.
 */
public record Calendar(
        @Size(max = 70) List<@Valid @NotNull Shift> hours,
        @Size(max = 366) List<@Valid @NotNull ClosedDay> closedDays) {

    private static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";

    /** One shift of a weekday. */
    public record Shift(
            @NotNull
                    @Min(value = 1, message = "production.calendar_weekday")
                    @Max(value = 7, message = "production.calendar_weekday")
                    Integer weekday,
            @NotNull @Pattern(regexp = TIME, message = "production.calendar_time") String opens,
            @NotNull @Pattern(regexp = TIME, message = "production.calendar_time") String closes) {

        public LocalTime from() {
            return LocalTime.parse(opens);
        }

        public LocalTime to() {
            return LocalTime.parse(closes);
        }

        /** Whether the shift ends when the day does ({@code closes} {@code 00:00}). */
        public boolean untilMidnight() {
            return to().equals(LocalTime.MIDNIGHT);
        }
    }

    /** A day the line does not work (a holiday, planned maintenance). */
    public record ClosedDay(@NotBlank @IsoDate String date, @Size(max = 200) @PrintableText String reason) {

        public LocalDate day() {
            return Values.isoDate(date);
        }
    }

    /** Always open: no hours, no closed days. */
    static final Calendar ALWAYS = new Calendar(List.of(), List.of());

    public Calendar {
        hours = hours == null ? List.of() : List.copyOf(hours);
        closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
    }

    /**
     * The rules between a calendar's entries (each entry's own shape is declared above): a shift ends after it starts, a
     * weekday's shifts do not overlap, a closed day is given once. Broken ones are added to {@code errors} under
     * {@code prefix} ({@code calendar.hours.1.closes}).
     */
    void check(String prefix, FieldErrors errors) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            Shift s = hours.get(i);
            if (s == null || s.weekday() == null || !valid(s.opens()) || !valid(s.closes())) {
                continue;
            }
            if (!s.untilMidnight() && !s.to().isAfter(s.from())) {
                errors.add(prefix + ".hours." + i + ".closes", "production.calendar_order");
                continue;
            }
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> hours.get(i).weekday())
                .thenComparing(i -> hours.get(i).from()));
        for (int k = 1; k < order.size(); k++) {
            Shift before = hours.get(order.get(k - 1));
            Shift shift = hours.get(order.get(k));
            if (before.weekday().equals(shift.weekday())
                    && (before.untilMidnight() || before.to().isAfter(shift.from()))) {
                errors.add(prefix + ".hours." + order.get(k) + ".opens", "production.calendar_overlap");
            }
        }
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < closedDays.size(); i++) {
            ClosedDay d = closedDays.get(i);
            if (d != null && validDate(d.date()) && !days.add(d.day())) {
                errors.add(prefix + ".closed_days." + i + ".date", "production.calendar_day_twice");
            }
        }
    }

    private static boolean validDate(String date) {
        try {
            return Values.isoDate(date) != null;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static boolean valid(String time) {
        return time != null && time.matches(TIME);
    }
}
