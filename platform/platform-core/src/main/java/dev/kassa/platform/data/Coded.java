package dev.kassa.platform.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A closed set of the API whose codes are its constants' names in lower case ({@code CASH_IN} is {@code "cash_in"}):
 * payment methods, cash movement kinds, task priorities.
 */
public interface Coded {

    /** The constant's name (an enum's own). */
    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} with this code, if there is one (codes are exact: {@code "CASH"} is none). */
    static <E extends Enum<E> & Coded> Optional<E> of(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equals(code))
                .findFirst();
    }
}
