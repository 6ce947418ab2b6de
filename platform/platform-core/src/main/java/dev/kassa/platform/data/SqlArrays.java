package dev.kassa.platform.data;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Function;

/**
 * Values for one array parameter of a statement that writes or reads many rows at once ({@code = any(cast(:ids as
 * bigint[]))}, {@code unnest(cast(:quantities as numeric[]), …)}): sent as text and cast by PostgreSQL, so every type
 * travels the same way and numbers are never rounded on the way ({@link BigDecimal} in plain notation).
 */
public final class SqlArrays {

    private SqlArrays() {}

    /** The values as text; a null stays null. */
    public static String[] texts(Collection<?> values) {
        return values.stream().map(SqlArrays::text).toArray(String[]::new);
    }

    /** One column of the rows as text (a sale's quantities, say); a null stays null. */
    public static <T> String[] texts(Collection<T> rows, Function<? super T, ?> column) {
        return rows.stream().map(column).map(SqlArrays::text).toArray(String[]::new);
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
