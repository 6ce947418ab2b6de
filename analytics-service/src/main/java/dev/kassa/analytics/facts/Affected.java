package dev.kassa.analytics.facts;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What recording a fact changed: the fact itself ({@code null} if it was already there), its business date and
 * products (added to their reports fact by fact), and, per business date, products whose earlier facts changed and
 * whose reports must be recomputed from all their facts (a refund that came before its sale gets the sale's cost).
 */
public record Affected(String fact, LocalDate date, Set<Long> products, Map<LocalDate, Set<Long>> corrected) {

    public static Affected none() {
        return new Affected(null, null, Set.of(), Map.of());
    }
}
