package dev.kassa.production.planning;

import dev.kassa.production.line.Calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A line's working time: the open windows its calendar gives (each shift of a weekday, in the store's time zone, but
 * not on its closed days; always open without hours), and where work of a given length fits between other work. Work
 * runs only in open hours and waits over closed ones (a job of 10 hours on a line open 8 to 20 starting at 14 ends at
 * 12 the next working day), and never shares the line with other work.
 */
final class WorkingTime {

    /** Planning looks at most this far ahead for open time. */
    static final Duration HORIZON = Duration.ofDays(400);

    /** An interval of time, {@code [start, end)}. */
    record Span(Instant start, Instant end) {
        boolean overlaps(Span other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }

        Duration length() {
            return Duration.between(start, end);
        }
    }

    private final Calendar calendar;
    private final ZoneId zone;
    private final Set<LocalDate> closed;

    WorkingTime(Calendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
        this.closed =
                calendar.closedDays().stream().map(Calendar.ClosedDay::day).collect(Collectors.toSet());
    }

    /** The open windows of {@code day}, in order. */
    List<Span> windows(LocalDate day) {
        List<Span> windows = new ArrayList<>();
        if (closed.contains(day)) {
            return windows;
        }
        if (calendar.hours().isEmpty()) {
            windows.add(new Span(at(day, LocalTime.MIDNIGHT), at(day.plusDays(1), LocalTime.MIDNIGHT)));
            return windows;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        calendar.hours().stream()
                .filter(s -> s.weekday() == weekday.getValue())
                .sorted((a, b) -> a.from().compareTo(b.from()))
                .forEach(s -> windows.add(new Span(
                        at(day, s.from()),
                        s.untilMidnight() ? at(day.plusDays(1), LocalTime.MIDNIGHT) : at(day, s.to()))));
        return windows;
    }

    /** The open window containing {@code t}, or the next one to open after it; empty when none within the horizon. */
    Optional<Span> windowFrom(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = day.plusDays(HORIZON.toDays());
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (Span w : windows(day)) {
                if (w.end.isAfter(t)) {
                    return Optional.of(w.start.isBefore(t) ? new Span(t, w.end) : w);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where work of {@code length} starting at the first open time at or after {@code start} runs: from its start to its
     * end through the open windows; empty when the line has not that much open time within the horizon.
     */
    Optional<Span> runFrom(Instant start, Duration length) {
        Optional<Span> first = windowFrom(start);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Instant begin = first.get().start();
        Instant limit = start.plus(HORIZON);
        Duration left = length;
        Span window = first.get();
        while (!window.start().isAfter(limit)) {
            Duration room = window.length();
            if (room.compareTo(left) >= 0) {
                return Optional.of(new Span(begin, window.start().plus(left)));
            }
            left = left.minus(room);
            Optional<Span> next = windowFrom(window.end());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            window = next.get();
        }
        return Optional.empty();
    }

    /**
     * The earliest run of {@code length} at or after {@code ready} that shares no time with {@code busy} (the line's other
     * work, in any order); empty when none fits within the horizon.
     */
    Optional<Span> earliest(Instant ready, Duration length, List<Span> busy) {
        Instant t = ready;
        Instant limit = ready.plus(HORIZON);
        while (t.isBefore(limit)) {
            Optional<Span> run = runFrom(t, length);
            if (run.isEmpty()) {
                return Optional.empty();
            }
            Span candidate = run.get();
            Optional<Span> clash = busy.stream().filter(candidate::overlaps).min((a, b) -> a.end()
                    .compareTo(b.end()));
            if (clash.isEmpty()) {
                return run;
            }
            t = clash.get().end();
        }
        return Optional.empty();
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
