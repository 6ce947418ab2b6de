package dev.kassa.analytics.facts;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What recording a fact changed: the fact itself ({@code null} if it was already there) and, per business date, the
 * products whose reports must be recomputed. Empty if nothing new.
 */
public record Affected(String fact, Map<LocalDate, Set<Long>> productsByDate) {

    public static Affected none() {
        return new Affected(null, Map.of());
    }

    public boolean isEmpty() {
        return fact == null && productsByDate.isEmpty();
    }
}
