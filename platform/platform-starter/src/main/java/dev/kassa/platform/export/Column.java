package dev.kassa.platform.export;

import java.util.function.Function;

/**
 * One column of an exported list: its header, a message key ({@code export.<list>.<column>}, in Russian and English), and
 * the row's value: text, a number, a {@code boolean}, an {@code Instant} (written in the store's time zone), a
 * {@code LocalDate}, or null for an empty cell.
 */
public record Column<T>(String header, Function<? super T, ?> value) {

    public static <T> Column<T> of(String header, Function<? super T, ?> value) {
        return new Column<>(header, value);
    }
}
