package dev.kassa.platform.web;

import dev.kassa.platform.error.FieldErrors;
import org.springframework.data.domain.Sort;

import java.util.Map;

/**
 * The {@code ?ordering=} of a list (the seed's names, {@code -} for descending) turned into an ORDER BY from a
 * whitelist: an unknown name is a 400 on the field {@code ordering}, user text never reaches the SQL.
 *
 * @param fallback  the ordering when none is asked for, e.g. {@code -created_at}
 * @param tieBreak  a unique column that makes pages stable, e.g. {@code s.id}; it follows the direction
 * @param columns   name → column expression; a list ({@code "t.sort_order, t.name"}) is turned only on its first column
 *                  ({@link #sort} reads them as entity properties, for lists read through Spring Data)
 */
public record SqlOrdering(String fallback, String tieBreak, Map<String, String> columns) {

    public static SqlOrdering of(String fallback, String tieBreak, Map<String, String> columns) {
        return new SqlOrdering(fallback, tieBreak, columns);
    }

    public String orderBy(String requested) {
        Requested asked = requested(requested);
        String column = asked.column();
        boolean descending = asked.descending();
        int comma = column.indexOf(',');
        String first = comma < 0 ? column : column.substring(0, comma);
        String rest = comma < 0 ? "" : column.substring(comma);
        return descending
                ? first + " desc nulls last" + rest + ", " + tieBreak + " desc"
                : first + rest + ", " + tieBreak;
    }

    /** The same ordering as a Spring Data sort over entity properties, the tie-break property following the direction. */
    public Sort sort(String requested) {
        Requested asked = requested(requested);
        Sort.Direction direction = asked.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        return Sort.by(direction, asked.column()).and(Sort.by(direction, tieBreak));
    }

    private record Requested(String column, boolean descending) {}

    private Requested requested(String requested) {
        String name = requested == null || requested.isBlank() ? fallback : requested.trim();
        boolean descending = name.startsWith("-");
        String column = columns.get(descending ? name.substring(1) : name);
        if (column == null) {
            throw FieldErrors.single("ordering", "validation.invalid");
        }
        return new Requested(column, descending);
    }
}
