package dev.kassa.analytics.facts;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** What recording a fact changed: per business date, the products whose reports must be recomputed. Empty if nothing new. */
public record Affected(Map<LocalDate, Set<Long>> productsByDate) {

    public static Affected none() {
        return new Affected(Map.of());
    }

    public boolean isEmpty() {
        return productsByDate.isEmpty();
    }
}
